import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REACTION_EMOJIS, type ReactionEmoji, type ReactionTally } from '../../../shared/src/model'

/** This person's dots on one note while voting is open (null: the note takes no dots now). */
export interface NoteVoting {
  myDots: number
  canAdd: boolean
}

/**
 * Voting on one note in the list: "Stip geven" and "Stip terug" (how many of your dots it has is
 * in the note's meta line). The same server rules as on the canvas; a refusal is explained in the banner.
 */
export function NoteVoteButtons({
  noteId,
  textId,
  voting,
  onVote,
}: {
  noteId: string
  textId: string
  voting: NoteVoting
  onVote: (noteId: string, delta: 1 | -1) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="outline-vote" data-testid="outline-vote">
      <button
        type="button"
        className="button primary outline-dot-add"
        aria-describedby={textId}
        aria-disabled={!voting.canAdd}
        onClick={() => onVote(noteId, 1)}
        data-testid="outline-dot-add"
      >
        {t('outline.dotAdd')}
      </button>
      {voting.myDots > 0 && (
        <button
          type="button"
          className="button secondary"
          aria-describedby={textId}
          onClick={() => onVote(noteId, -1)}
          data-testid="outline-dot-remove"
        >
          {t('outline.dotRemove')}
        </button>
      )}
    </div>
  )
}

/**
 * Reactions on one note in the list: the ones given (each a toggle: yours is pressed), and
 * "Reageren", which opens the choice of emoji only when asked for — never by itself.
 */
export function NoteReactions({
  noteId,
  textId,
  reactions,
  participantId,
  canReact,
  onReact,
}: {
  noteId: string
  textId: string
  reactions: readonly ReactionTally[]
  participantId: string
  canReact: boolean
  onReact: (noteId: string, emoji: ReactionEmoji) => void
}) {
  const { t } = useTranslation()
  const [picking, setPicking] = useState(false)
  const pickerId = useId()
  const reactButton = useRef<HTMLButtonElement>(null)
  if (!canReact && reactions.length === 0) return null
  return (
    <div className="outline-reactions" data-testid="outline-reactions">
      {reactions.map((tally) => {
        const mine = tally.participantIds.includes(participantId)
        return (
          <button
            key={tally.emoji}
            type="button"
            className={`reaction-chip${mine ? ' mine' : ''}`}
            aria-pressed={mine}
            disabled={!canReact}
            onClick={() => onReact(noteId, tally.emoji)}
            aria-label={t('outline.reactionCount', {
              emoji: tally.emoji,
              count: tally.participantIds.length,
            })}
            data-testid="outline-reaction"
          >
            {tally.emoji} {tally.participantIds.length}
          </button>
        )
      })}
      {canReact && (
        <button
          ref={reactButton}
          type="button"
          className="button secondary outline-react"
          aria-expanded={picking}
          aria-controls={pickerId}
          aria-describedby={textId}
          onClick={() => setPicking((open) => !open)}
          data-testid="outline-react"
        >
          {t('outline.react')}
        </button>
      )}
      {picking && (
        <fieldset className="outline-reaction-picker" id={pickerId}>
          <legend className="visually-hidden">{t('outline.reactWith')}</legend>
          {REACTION_EMOJIS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="reaction-chip"
              onClick={() => {
                onReact(noteId, emoji)
                setPicking(false)
                // The chosen button goes away with the choice: focus back on "Reageren".
                reactButton.current?.focus()
              }}
              aria-label={t('session.react', { emoji })}
              data-testid="outline-reaction-choice"
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  )
}
