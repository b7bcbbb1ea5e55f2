import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type NoteData,
  REACTION_EMOJIS,
  type ReactionEmoji,
  type ReactionTally,
} from '../../../../shared/src/model'

/** Below this on-screen width a note is too small for buttons on it: only its badges show. */
export const MIN_NOTE_WIDTH_FOR_BUTTONS = 70
export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.4" />
    </svg>
  )
}

/** At most this many of your own dots are drawn on a note; the count is always in the text. */
const DOT_SLOTS = ['a', 'b', 'c', 'd', 'e'] as const

interface NoteChipsProps {
  note: NoteData
  /** The note's place on screen, as numbers so that memo sees an unchanged place as unchanged. */
  x: number
  y: number
  width: number
  height: number
  locked: boolean
  /** Published votes, when results may be shown. */
  votes: number | null
  /** Voting: my dots on this note, or null when the note cannot get votes now. */
  myDots: number | null
  canAddDot: boolean
  reactions: readonly ReactionTally[]
  participantId: string
  canReact: boolean
  /** A participant cannot select a locked note, so its reactions get their own button here. */
  reactHere: boolean
  onVote(noteId: string, delta: 1 | -1): void
  onReact(noteId: string, emoji: ReactionEmoji): void
}

/**
 * What the session adds to one note, in HTML over the canvas: a lock, the vote count, the dot
 * buttons while voting, and the reactions with their counts (a reaction button toggles your own).
 */
export const NoteChips = memo(function NoteChips(props: NoteChipsProps) {
  const { t } = useTranslation()
  const { note, myDots, reactions } = props
  const roomy = props.width >= MIN_NOTE_WIDTH_FOR_BUTTONS
  const short = note.text.slice(0, 40)
  const [picking, setPicking] = useState(false)
  return (
    <div
      className="note-chips"
      style={{ left: props.x, top: props.y, width: props.width, height: props.height }}
      data-testid="note-chips"
      data-note-id={note.id}
    >
      {props.locked && (
        <span
          className="note-lock"
          role="img"
          aria-label={t('session.locked')}
          title={t('session.locked')}
          data-testid="note-lock"
        >
          <LockIcon />
        </span>
      )}
      {props.votes !== null && props.votes > 0 && (
        <span
          className="note-votes"
          data-testid="note-votes"
          title={t('session.votes', { count: props.votes })}
        >
          <span className="vote-dot" aria-hidden="true" />
          {props.votes}
          <span className="visually-hidden">{t('session.votes', { count: props.votes })}</span>
        </span>
      )}
      {roomy && myDots !== null && (
        <span className="note-dots">
          {myDots > 0 && (
            <button
              type="button"
              className="dot-button minus"
              onClick={() => props.onVote(note.id, -1)}
              aria-label={t('session.dotRemove', { text: short })}
              data-testid="dot-remove"
            >
              −
            </button>
          )}
          <span className="dot-mine">
            {DOT_SLOTS.slice(0, Math.min(myDots, DOT_SLOTS.length)).map((slot) => (
              <span key={slot} className="vote-dot mine" aria-hidden="true" />
            ))}
            <span className="visually-hidden">{t('session.myDots', { count: myDots })}</span>
          </span>
          <button
            type="button"
            className="dot-button"
            onClick={() => props.onVote(note.id, 1)}
            aria-label={t('session.dotAdd', { text: short })}
            aria-disabled={!props.canAddDot}
            data-testid="dot-add"
          >
            <span className="vote-dot" aria-hidden="true" />+
          </button>
        </span>
      )}
      {roomy && (reactions.length > 0 || props.reactHere) && (
        <span className="note-reactions" data-testid="note-reactions">
          {props.reactHere && (
            <button
              type="button"
              className="reaction-chip"
              aria-expanded={picking}
              onClick={() => setPicking((open) => !open)}
              aria-label={t('session.reactOn', { text: short })}
            >
              ☺+
            </button>
          )}
          {picking &&
            REACTION_EMOJIS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="reaction-chip"
                onClick={() => {
                  props.onReact(note.id, emoji)
                  setPicking(false)
                }}
                aria-label={t('session.react', { emoji })}
              >
                {emoji}
              </button>
            ))}
          {reactions.map((tally) => {
            const mine = tally.participantIds.includes(props.participantId)
            return (
              <button
                key={tally.emoji}
                type="button"
                className={`reaction-chip${mine ? ' mine' : ''}`}
                aria-pressed={mine}
                disabled={!props.canReact}
                onClick={() => props.onReact(note.id, tally.emoji)}
                aria-label={t('session.reactionCount', {
                  emoji: tally.emoji,
                  count: tally.participantIds.length,
                })}
              >
                {tally.emoji} {tally.participantIds.length}
              </button>
            )
          })}
        </span>
      )}
    </div>
  )
})
