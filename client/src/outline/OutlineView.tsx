import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activeGroupStep, groupOf } from '../../../shared/src/groups/peopleGroups'
import type { NoteColor, NoteData, ReactionEmoji, ZoneData } from '../../../shared/src/model'
import { useEditor } from '../board/editor/editorContext'
import { confirmDeleteText } from '../board/ops/confirmDelete'
import { addDraft } from '../board/ops/draftOps'
import { draftTarget } from '../session/drafts/draftActions'
import { LookbackProvider } from '../session/lookback/LookbackContext'
import { reactToNote } from '../session/noteReactions'
import type { SessionView } from '../session/sessionView'
import { castUndoableVote } from '../session/voteHistory'
import { type ListSectionData, listSections } from './listSections'
import { noteItemId } from './OutlineNote'
import { type ListSession, OutlineSection, sectionHeadingId } from './OutlineSection'
import './outline.css'
import { countById } from '../../../shared/src/model/countById'

interface OutlineViewProps {
  notes: NoteData[]
  zones: ZoneData[]
  canEdit: boolean
  /**
   * What this person may not change (the session's lock set: locked notes and zones, and the notes
   * in a locked zone; empty for facilitators). Locked notes get no buttons, locked zones no new
   * notes and no notes moved in: the server would refuse those edits.
   */
  locked: ReadonlySet<string>
  /** Published vote tallies by note id, or null while they are hidden. */
  voteResults: Readonly<Record<string, number>> | null
  /** Says something politely to screen reader users (confirmations of their own actions). */
  announce: (message: string) => void
  /** The session: the round's questions first, dots, reactions and private notes. */
  session: SessionView
}

/**
 * A lock can arrive while a form is open: then the save is dropped and the reason said, as the
 * server would refuse it (and reload the page). True when refused.
 */
function refused(
  current: {
    locked: ReadonlySet<string>
    zoneIds: ReadonlySet<string>
    announce: (message: string) => void
    t: (key: string) => string
  },
  ...ids: (string | null)[]
): boolean {
  const hit = ids.find((id): id is string => id !== null && current.locked.has(id))
  if (!hit) return false
  current.announce(
    current.zoneIds.has(hit) ? current.t('outline.zoneLocked') : current.t('outline.noteLocked'),
  )
  return true
}

/**
 * The board as a document: every question is a heading with its notes as a list, each note with
 * its author and (once they may be seen) its votes, and buttons to add, change, move and remove
 * notes. Made for screen readers, keyboards and small screens; it edits the same live document as
 * the canvas.
 */
export function OutlineView({
  notes,
  zones,
  canEdit,
  locked,
  voteResults,
  announce,
  session,
}: OutlineViewProps) {
  const { t } = useTranslation()
  // Where focus goes after the list changed under it (a new, moved or removed note).
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  useEffect(() => {
    if (!focusTarget) return
    document.getElementById(focusTarget)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const zoneIds = new Set(zones.map((zone) => zone.id))
  // Memoised: the notes are memoised components and get this list as a prop.
  const moveTargets = useMemo(() => zones.filter((zone) => !locked.has(zone.id)), [zones, locked])
  const zoneTitle = useCallback(
    (zoneId: string | null) =>
      zones.find((zone) => zone.id === zoneId)?.title ||
      (zoneId ? t('outline.untitledZone') : t('list.noZone')),
    [zones, t],
  )
  const [showAll, setShowAll] = useState(false)
  // In focus: the round's questions, and while voting is open every question whose notes take
  // dots (a board-wide vote in a round about one empty question must not hide the notes).
  const roundZoneIds = cardsInFocus(session, zones)
  const { round, rest } = listSections({
    zones,
    notes,
    drafts: session.drafts?.notes ?? [],
    roundZoneIds,
    untitled: t('outline.untitledZone'),
    looseTitle: zones.length === 0 ? t('list.label') : t('list.noZone'),
  })
  const listSession = useListSession(session, announce)

  // Stable handlers (reading the latest data from a ref) keep the memoised notes from re-rendering.
  // Every write goes through the board operations, so the note lands in its question on the
  // canvas too (the same flow, the same round, the same undo step).
  const { ops } = useEditor()
  const latest = useRef({ ops, notes, locked, announce, zoneTitle, zoneIds, t })
  latest.current = { ops, notes, locked, announce, zoneTitle, zoneIds, t }

  const onAdd = useCallback((zoneId: string | null, text: string, onBehalfOf?: string) => {
    if (refused(latest.current, zoneId)) return
    const { ops, announce, zoneTitle, t } = latest.current
    const { id } = ops.addNote({ zoneId, text, ...(onBehalfOf ? { onBehalfOf } : {}) })
    setFocusTarget(noteItemId(id))
    announce(t('outline.added', { title: zoneTitle(zoneId) }))
  }, [])

  const onSaveText = useCallback((note: NoteData, base: string, text: string) => {
    if (refused(latest.current, note.id)) return
    const { ops, announce, t } = latest.current
    ops.saveText(note.id, base, text)
    announce(t('outline.saved'))
  }, [])

  const onMove = useCallback((note: NoteData, zoneId: string | null) => {
    if (refused(latest.current, note.id, zoneId)) return
    const { ops, announce, zoneTitle, t } = latest.current
    ops.moveToZone([note.id], zoneId)
    setFocusTarget(noteItemId(note.id))
    announce(t('outline.moved', { title: zoneTitle(zoneId) }))
  }, [])

  const onDelete = useCallback((note: NoteData) => {
    if (refused(latest.current, note.id)) return
    const { ops, notes, zoneIds, announce, t } = latest.current
    const siblings = notes.filter((other) => other.zoneId === note.zoneId)
    const index = siblings.findIndex((other) => other.id === note.id)
    const next = siblings[index + 1] ?? siblings[index - 1]
    if (ops.needsConfirmation([note.id]) && !window.confirm(confirmDeleteText(t, 1))) return
    ops.deleteItems([note.id])
    const inZone = note.zoneId !== null && zoneIds.has(note.zoneId)
    setFocusTarget(next ? noteItemId(next.id) : sectionHeadingId(inZone ? note.zoneId : null))
    announce(t('outline.removed'))
  }, [])

  const onColor = useCallback((note: NoteData, color: NoteColor) => {
    if (refused(latest.current, note.id)) return
    const { ops, announce, t } = latest.current
    ops.setColor([note.id], color)
    announce(t('outline.colorChanged', { color: t(`colors.${color}`) }))
  }, [])

  const renderCard = (section: ListSectionData) => (
    <OutlineSection
      key={section.zoneId ?? 'none'}
      {...section}
      zones={moveTargets}
      canEdit={canEdit}
      locked={locked}
      voteResults={voteResults}
      session={listSession}
      onAdd={onAdd}
      onSaveText={onSaveText}
      onMove={onMove}
      onDelete={onDelete}
      onColor={onColor}
    />
  )

  return (
    <section className="outline" aria-label={t('outline.heading')} data-testid="outline">
      <LookbackProvider view={session}>
        <div className="outline-inner">
          {notes.length === 0 && <p className="outline-empty">{t('list.empty')}</p>}
          {round.map(renderCard)}
          {rest.length > 0 && (
            <button
              type="button"
              className="button secondary outline-show-all"
              aria-expanded={showAll}
              onClick={() => setShowAll((value) => !value)}
              data-testid="outline-show-all"
            >
              {showAll ? t('outline.hideOthers') : t('outline.showOthers', { count: rest.length })}
            </button>
          )}
          {showAll && rest.map(renderCard)}
        </div>
      </LookbackProvider>
    </section>
  )
}

/**
 * Dots, reactions and private notes for the list, from the session. The handlers are stable (they
 * read the latest session from a ref), so the memoised notes re-render only for their own changes.
 */
function useListSession(session: SessionView, announce: (message: string) => void): ListSession {
  const { t } = useTranslation()
  const latest = useRef({ session, announce, t })
  latest.current = { session, announce, t }
  const onVote = useCallback((noteId: string, delta: 1 | -1) => {
    const { session, t } = latest.current
    const note = session.notes.find((candidate) => candidate.id === noteId)
    if (!note) return
    // A step of the person's undo history, like a dot on the canvas (Ctrl+Z takes it back).
    void castUndoableVote(session, note, delta, (key, text) => t(key, { text })).then((accepted) => {
      // Said through the banner's message line (and the live region): it replaces an earlier
      // refusal there, which would otherwise contradict the dot just given.
      if (accepted) session.say(delta > 0 ? 'outline.dotGiven' : 'outline.dotTaken')
    })
  }, [])
  const onReact = useCallback((noteId: string, emoji: ReactionEmoji) => {
    const { session, announce, t } = latest.current
    const before = session.extras.reactions.get(noteId)?.find((tally) => tally.emoji === emoji)
    const had = before?.participantIds.includes(session.participantId) ?? false
    reactToNote(session, noteId, emoji)
    announce(had ? t('outline.reactionTaken', { emoji }) : t('outline.reactionGiven', { emoji }))
  }, [])
  const addDraftHere = useCallback((zoneId: string | null) => {
    const target = draftTarget(latest.current.session)
    return target ? addDraft(target, { zoneId }) : null
  }, [])
  const { voting } = session
  const maxPerNote = voting.config?.maxPerNote ?? 1
  const myDots = (note: NoteData) =>
    voting.open && voting.inScope(note) ? countById(voting.mine, note.id) : null
  return {
    view: session,
    myDots,
    canAddDot: (note) => voting.remaining > 0 && (myDots(note) ?? 0) < maxPerNote,
    reactions: session.extras.reactions,
    canReact: session.canWrite,
    onVote,
    onReact,
    addDraft: addDraftHere,
  }
}

/**
 * The questions the list shows as cards first (see listSections): in a group step this person's
 * group space (issue 18), then the round's, plus the vote's.
 */
function cardsInFocus(session: SessionView, zones: readonly ZoneData[]): readonly string[] {
  const control = session.control
  const mySpace = control ? groupOf(activeGroupStep(control), session.participantId)?.zoneId : null
  const round = [...(mySpace ? [mySpace] : []), ...(session.state.current?.zoneIds ?? [])]
  const voting = session.voting
  if (!voting.open || !voting.config) return round
  const voted = voting.config.scope === 'board' ? zones.map((zone) => zone.id) : voting.config.zoneIds
  return [...round, ...voted.filter((id) => !round.includes(id))]
}
