import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { listNotes, type NoteData, type ZoneData } from '../../../shared/src/model'
import { can } from '../../../shared/src/roles'
import { type BoardInfo, getBoard } from '../api/boardsApi'
import type { BoardEditor } from '../board/editor/BoardEditor'
import { addDraft } from '../board/ops/draftOps'
import { useFocusKeeper } from '../components/focusKeeper'
import { announce } from '../components/pageAnnouncer'
import { useOtherGroupsSpaces } from '../groups/useGroupStep'
import { FacilitatorButton, FacilitatorPanel } from '../panels/facilitator/FacilitatorPanel'
import type { CanvasPresence } from '../presence/canvasPresence'
import { RoundBanner } from './banner/RoundBanner'
import { useOnlineParticipants } from './banner/Together'
import { SessionLayer } from './canvas/SessionLayer'
import { useNoteLink } from './lookback/noteLink'
import { useLookbackAnnouncements } from './lookback/useLookbackAnnouncements'
import { takeRefusedNotice } from './refusedEdit'
import { withSessionLayer } from './sessionLayerPresence'
import './i18n/index'
import { playTimeUpSound, useCountdown } from './clock'
import { useControlDoc, useDrafts } from './rooms'
import { usePublishSessionCommands } from './sessionCommands'
import { useNoteExtras, useSessionState } from './sessionData'
import type { SessionMessage, SessionView } from './sessionView'
import { Store } from './sessionView'
import { useDropToCluster } from './useDropToCluster'
import { useSessionAnnouncements } from './useSessionAnnouncements'
import { useVoting } from './useVoting'
import { visibleVoteResults } from './voteCounts'
import './session.css'

export interface BoardSession {
  /** The canvas and list view may change the board now (false while writing privately or time is up). */
  canWrite: boolean
  /** The presence surface for the canvas, with the session layer drawn over the stage. */
  presence(presence: CanvasPresence): CanvasPresence
  /** Under the header: the current round, for everyone. */
  banner: ReactNode
  /** In the header: the facilitator's session button. */
  headerTools: ReactNode
  /** Over the board: the facilitator panel. */
  overlays: ReactNode
  /** What this person may not change on the canvas (facilitators' locks; none for facilitators). */
  locked: ReadonlySet<string>
  /** The control document once its provider exists (the export dialog reads `reportsShared`). */
  control: Y.Doc | null
  /** Published vote tallies by note id while this person may see them, else null (the list view). */
  voteResults: Readonly<Record<string, number>> | null
  /** The running round's questions (new notes go there); empty between rounds. */
  roundZoneIds: readonly string[]
  /** Everything the session knows and can do, for the list view (votes, drafts, reactions). */
  view: SessionView
}

const NOTHING_LOCKED: ReadonlySet<string> = new Set()
const NO_ZONES: readonly string[] = []

/** Notes in a locked zone count as locked too: the zone is "vastgezet" with all that is in it. */
function lockedWithZones(locks: ReadonlySet<string>, notes: readonly NoteData[]): ReadonlySet<string> {
  if (locks.size === 0) return locks
  const all = new Set(locks)
  for (const note of notes) if (note.zoneId && locks.has(note.zoneId)) all.add(note.id)
  return all
}

/**
 * The facilitation session on a board: the control document, the timer, private writing, voting,
 * following and the facilitator's panel. The board page places the returned pieces.
 */
export function useBoardSession(input: {
  boardId: string
  token: string
  info: BoardInfo
  doc: Y.Doc
  awareness: Awareness
  notes: readonly NoteData[]
  zones: readonly ZoneData[]
  /** The board's editor: the session moves the view, reads the selection and adds drafts through it. */
  editor: BoardEditor
  /** The list view is shown: it has the drafts and questions itself, the banner leaves them out. */
  listView: boolean
  /** The board's language: round titles and questions are read in it. */
  contentLanguage: string
}): BoardSession {
  const { boardId, token, info, doc, awareness, notes, zones, editor, listView, contentLanguage } = input
  const { t } = useTranslation()
  const isFacilitator = can(info.role, 'board:manage')
  const isParticipant = info.role === 'participant'

  // A changed role reaches us as a socket restart; the page then starts again as the new role.
  const checkRole = useCallback(() => {
    getBoard(boardId, token).then(
      (fresh) => {
        if (fresh.role !== info.role) location.reload()
      },
      () => {},
    )
  }, [boardId, token, info.role])
  const control = useControlDoc(boardId, token, checkRole)
  const state = useSessionState(control?.doc ?? null)
  const [flashAt, setFlashAt] = useState(0)

  const [message, setMessage] = useState<SessionMessage | null>(null)
  // Shown in the banner's message line (plain text) and read out once by the page's live region.
  const say = useCallback(
    (key: string, values?: Record<string, unknown>, quiet = false) => {
      setMessage({ key, values, at: Date.now(), quiet })
      announce(t(key, values))
    },
    [t],
  )
  // Round started, time added, voting opened … for everyone on the board, not only the facilitator.
  useSessionAnnouncements(state, control?.synced ?? false, (events) => {
    const [first] = events
    if (events.length === 1 && first) say(first.key, first.values)
    else
      say('session.announce.several', { text: events.map((event) => t(event.key, event.values)).join(' ') })
  })
  // Time up: seen (the banner flashes, the message line), heard (a soft chime) and read out.
  const countdown = useCountdown(state.timer, () => {
    setFlashAt(Date.now())
    playTimeUpSound()
    say('session.timeUpShort')
  })
  // The same commands in the command menu (Ctrl/Cmd+K), for facilitators.
  usePublishSessionCommands({ state, boardId, token, isFacilitator, timeUp: countdown.timeUp, say })
  // A link to one note (a community search result): open the board on it.
  useNoteLink(editor, notes, listView)
  // Someone else's Terugblik status, read out (issue 19).
  useLookbackAnnouncements(control?.doc ?? null, control?.synced ?? false, notes, say)
  // After a reload because the server refused an edit: say why the last change is gone.
  useEffect(() => {
    const notice = takeRefusedNotice(boardId)
    if (notice) say(notice)
  }, [boardId, say])

  const running = state.timer.status === 'running' || state.timer.status === 'paused'
  const inputClosed =
    !isFacilitator &&
    (state.inputLocked ||
      (state.timer.status === 'running' && countdown.remaining === 0 && state.currentOptions.lockWhenTimeUp))
  // Closed input closes the drafts too: time up means pens down, on the board and in private.
  const privateWriting = isParticipant && running && Boolean(state.current?.privateWriting) && !inputClosed
  // Hidden drafts too: they are still the participant's own, shown to them.
  const mine = state.drafts.get(info.participantId)
  const myDrafts = (mine?.count ?? 0) + (mine?.hidden ?? 0)
  const drafts = useDrafts(
    boardId,
    info.participantId,
    token,
    isParticipant && (privateWriting || myDrafts > 0),
    // The server refused a draft: input closed a moment before this tab knew.
    () => say('session.draftRefused'),
  )
  const voting = useVoting({
    boardId,
    token,
    config: state.voting,
    canVote: info.role !== 'viewer',
    onMessage: say,
  })
  const extras = useNoteExtras(doc)
  const onlineParticipants = useOnlineParticipants(awareness)
  useDropToCluster(
    editor.ops,
    isFacilitator,
    notes,
    () => t('session.clusterDefaultName', { number: extras.clusters.length + 1 }),
    (count) => say('session.grouped', { count }),
  )
  // Issue 18: other groups' spaces count as locked zones while groups keep apart.
  const groupSpaces = useOtherGroupsSpaces(control?.doc ?? null, info.participantId)
  const locked = useMemo(
    () =>
      lockedWithZones(groupSpaces.length ? new Set([...state.locks, ...groupSpaces]) : state.locks, notes),
    [state.locks, notes, groupSpaces],
  )
  const canWrite = can(info.role, 'content:write') && (isFacilitator || (!inputClosed && !privateWriting))

  const view: SessionView = {
    boardId,
    token,
    role: info.role,
    participantId: info.participantId,
    name: info.name,
    isFacilitator,
    doc,
    control: control?.doc ?? null,
    state,
    zones,
    notes,
    extras,
    remaining: countdown.remaining,
    timeUp: countdown.timeUp,
    inputClosed,
    privateWriting,
    drafts,
    voting,
    canWrite: can(info.role, 'content:write') && (isFacilitator || !inputClosed),
    locked,
    editor,
    onlineParticipants,
    say,
  }
  const [store] = useState(() => new Store<SessionView>(view))
  useEffect(() => store.set(view))

  // While private writing runs, "+ Briefje" (canvas, list view, keyboard) writes a draft instead.
  const draftsDoc = drafts?.doc ?? null
  useEffect(() => {
    if (!privateWriting || !draftsDoc) return
    const target = { draftsDoc, boardDoc: doc, author: { id: info.participantId, name: info.name } }
    editor.setDraftWriter((zoneId) => {
      const id = addDraft(target, { zoneId })
      editor.requestFocus({ kind: 'draft', id })
      const note = listNotes(draftsDoc).find((draft) => draft.id === id)
      if (note) editor.showForTyping(note)
    })
    return () => editor.setDraftWriter(null)
  }, [editor, doc, draftsDoc, privateWriting, info.participantId, info.name])

  const presenceCache = useRef<{ source: CanvasPresence; bridged: CanvasPresence } | null>(null)
  const presence = useCallback(
    (source: CanvasPresence) => {
      if (presenceCache.current?.source !== source) {
        const bridged = withSessionLayer(source, (layer) => <SessionLayer store={store} {...layer} />)
        presenceCache.current = { source, bridged }
      }
      return presenceCache.current.bridged
    },
    [store],
  )

  const [panelOpen, setPanelOpen] = useState(false)
  // Closing the panel (its button, Escape) gives the keyboard back to the button that opened it.
  const closePanel = useCallback(() => {
    setPanelOpen(false)
    // After the panel is gone: on a narrow screen it made the rest of the page inert until it
    // unmounts, and an inert button cannot take focus (it fell to the next thing on the board).
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid=facilitator-open]')?.focus(),
    )
  }, [])
  // The board page's safety net: focus never falls to <body> when what had it goes away.
  useFocusKeeper()
  return {
    canWrite,
    control: control?.doc ?? null,
    // The same rule as the votes on the canvas, so both views show the same counts.
    voteResults: visibleVoteResults(voting.resultsVisible, state.voteResults),
    locked: isFacilitator ? NOTHING_LOCKED : locked,
    roundZoneIds: state.current?.zoneIds ?? NO_ZONES,
    presence,
    view,
    banner: (
      <RoundBanner
        view={view}
        flashAt={flashAt}
        message={message}
        listView={listView}
        contentLanguage={contentLanguage}
      />
    ),
    headerTools: isFacilitator ? (
      <FacilitatorButton open={panelOpen} onToggle={() => setPanelOpen((open) => !open)} />
    ) : null,
    overlays:
      isFacilitator && panelOpen ? (
        <FacilitatorPanel view={view} awareness={awareness} onClose={closePanel} />
      ) : null,
  }
}
