import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react'
import {
  type NoteData,
  type ReactionEmoji,
  type ReactionTally,
  toggleReaction,
} from '../../../../shared/src/model'
import { cullToArea, visibleBoardRect } from '../../canvas/culling'
import { toScreenRect, type Viewport } from '../../canvas/viewport'
import { MergedBadges } from '../../suggest/MergedBadges'
import { reactionEdit } from '../../sync/localOrigin'
import { DraftLayer } from '../drafts/DraftNotes'
import { LookbackLayer } from '../lookback/LookbackLayer'
import type { SessionView } from '../sessionView'
import { type Store, useStore } from '../sessionView'
import { visibleVoteResults } from '../voteCounts'
import { castUndoableVote } from '../voteHistory'
import { ClusterOutlines } from './ClusterOutlines'
import { LockIcon, NoteChips } from './NoteChips'
import { SelectionActions } from './SelectionActions'
import './sessionLayer.css'
import { useTranslation } from 'react-i18next'
import { countById } from '../../../../shared/src/model/countById'

/** One empty list for every note without reactions, so the memoised chips see no change. */
const NO_REACTIONS: readonly ReactionTally[] = []

interface SessionLayerProps {
  store: Store<SessionView>
  viewport: Viewport
  notes: readonly NoteData[]
}

/**
 * The session drawn over the canvas in HTML (real buttons: reachable by keyboard, big enough for
 * fingers): the round's question outlined, clusters, locks, votes, reactions and this
 * participant's private notes. Rendered by the canvas through the presence surface.
 */
export function SessionLayer({ store, viewport, notes }: SessionLayerProps) {
  const view = useStore(store)
  const editor = view.editor
  useSyncExternalStore(editor.subscribe, editor.getVersion)
  const { voting } = view
  const results = visibleVoteResults(voting.resultsVisible, view.state.voteResults)
  const votable = voting.open
  const canReact = view.canWrite

  const { t } = useTranslation()
  // The chips are memoised per note; the handlers read the newest view and notes through a ref so
  // that they keep their identity and a remote change re-renders only the chips it touched.
  const latest = useRef({ view, notes, t })
  latest.current = { view, notes, t }
  const onVote = useCallback((noteId: string, delta: 1 | -1) => {
    const { view, notes, t } = latest.current
    const note = notes.find((candidate) => candidate.id === noteId)
    if (note) void castUndoableVote(view, note, delta, (key, text) => t(key, { text }))
  }, [])
  // Reactions stay allowed on locked notes (the server allows them too); undo leaves them alone.
  const onReact = useCallback((noteId: string, emoji: ReactionEmoji) => {
    const { view } = latest.current
    reactionEdit(view.doc, () => toggleReaction(view.doc, noteId, emoji, view.participantId))
  }, [])
  // Only the notes on screen (and the selected ones) get chips, like the canvas's own culling: a
  // phone in a 500-note session spent 40 % of its main thread re-rendering chips no one could see
  // (bench/client session profile, issue 17).
  const size = editor.size
  const selection = editor.selection
  const shown = useMemo(
    () => (size ? cullToArea(notes, visibleBoardRect(viewport, size), new Set(selection)) : notes),
    [notes, viewport, size, selection],
  )

  return (
    <div className="session-layer">
      <ZoneHighlights view={view} viewport={viewport} />
      <ClusterOutlines view={view} viewport={viewport} />
      <MergedBadges view={view} viewport={viewport} notes={shown} />
      {shown.map((note) => {
        const locked = view.locked.has(note.id)
        const votes = results ? countById(results, note.id) : null
        const reactions = view.extras.reactions.get(note.id) ?? NO_REACTIONS
        const myDots = votable && voting.inScope(note) ? countById(voting.mine, note.id) : null
        if (!locked && !votes && myDots === null && reactions.length === 0) return null
        return (
          <NoteChips
            key={note.id}
            note={note}
            {...toScreenRect(viewport, note)}
            locked={locked}
            votes={votes}
            myDots={myDots}
            canAddDot={voting.remaining > 0 && (myDots ?? 0) < (voting.config?.maxPerNote ?? 1)}
            reactions={reactions}
            participantId={view.participantId}
            canReact={canReact}
            reactHere={canReact && locked && !view.isFacilitator}
            onVote={onVote}
            onReact={onReact}
          />
        )
      })}
      <LookbackLayer view={view} viewport={viewport} notes={notes} />
      <DraftLayer view={view} viewport={viewport} />
      {!view.privateWriting && (
        <SelectionActions view={view} viewport={viewport} selection={editor.selection} />
      )}
    </div>
  )
}

/**
 * The current round's question(s) outlined on the board, so everyone sees where to write; and a
 * lock on zones a facilitator locked.
 */
export function ZoneHighlights({ view, viewport }: { view: SessionView; viewport: Viewport }) {
  const { t } = useTranslation()
  const focus = new Set(view.state.current?.zoneIds ?? [])
  return view.zones.map((zone) => {
    const highlighted = focus.has(zone.id)
    const locked = view.state.locks.has(zone.id)
    if (!highlighted && !locked) return null
    const rect = toScreenRect(viewport, zone)
    return (
      <div
        key={zone.id}
        className={`zone-focus${highlighted ? ' current' : ''}`}
        style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
        data-testid={highlighted ? 'zone-highlight' : undefined}
        data-zone-id={zone.id}
      >
        {locked && (
          <span className="zone-lock" title={t('session.zoneLocked')}>
            <LockIcon /> {t('session.zoneLocked')}
          </span>
        )}
      </div>
    )
  })
}
