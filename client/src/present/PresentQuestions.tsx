import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, type NoteData } from '../../../shared/src/model'
import type { PresentQuestion } from './presentModel'

/** How long a new note stays marked (the animation itself is shorter). */
const NEW_FOR_MS = 6000

/**
 * Note ids that appeared on the board while this screen watched, for a few seconds each. Read from
 * all the board's notes, not the shown ones: the notes of a question that comes into view (a new
 * round) are not new. The notes already there when the page opened only fill `seen`.
 */
function useNewNotes(notes: readonly NoteData[]): ReadonlySet<string> {
  const seen = useRef<Set<string> | null>(null)
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set())
  // Not the effect's cleanup: the next change must not cancel the unmarking of earlier notes.
  const timers = useRef(new Set<number>())
  useEffect(() => {
    const all = timers.current
    return () => {
      for (const timer of all) window.clearTimeout(timer)
    }
  }, [])
  useEffect(() => {
    const ids = notes.map((note) => note.id)
    if (seen.current === null) {
      seen.current = new Set(ids)
      return
    }
    const known = seen.current
    const added = ids.filter((id) => !known.has(id))
    for (const id of added) known.add(id)
    if (added.length === 0) return
    setFresh((previous) => new Set([...previous, ...added]))
    const timer = window.setTimeout(() => {
      timers.current.delete(timer)
      setFresh((previous) => new Set([...previous].filter((id) => !added.includes(id))))
    }, NEW_FOR_MS)
    timers.current.add(timer)
  }, [notes])
  return fresh
}

/**
 * One question: its title and prompt in full (never cut off), then its notes, newest first. Notes
 * that do not fit at a readable size stay on the board: the screen says how many, instead of
 * shrinking the text until nobody at the back can read it.
 */
function Question({ question, fresh }: { question: PresentQuestion; fresh: ReadonlySet<string> }) {
  const { t } = useTranslation()
  const list = useRef<HTMLOListElement>(null)
  const [hidden, setHidden] = useState(0)

  useLayoutEffect(() => {
    const element = list.current
    if (!element) return
    const measure = () => {
      const bottom = element.getBoundingClientRect().bottom
      let outside = 0
      for (const item of element.children) {
        const box = item.getBoundingClientRect()
        const cut = box.bottom > bottom + 1
        item.toggleAttribute('data-cut', cut)
        if (cut) outside += 1
      }
      setHidden(outside)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  })

  const { zone, notes } = question
  return (
    <section
      className="present-question"
      aria-labelledby={`present-q-${zone.id}`}
      data-testid="present-question"
    >
      <h2 id={`present-q-${zone.id}`} className="present-question-title">
        {zone.title}
      </h2>
      {zone.prompt && <p className="present-question-prompt">{zone.prompt}</p>}
      {notes.length === 0 ? (
        <p className="present-empty">{t('present.noNotes')}</p>
      ) : (
        <ol className="present-notes" ref={list}>
          {notes.map((note) => (
            <li
              key={note.id}
              className={`present-note${fresh.has(note.id) ? ' is-new' : ''}`}
              style={{ backgroundColor: NOTE_COLOR_HEX[note.color] }}
              data-testid="present-note"
            >
              {fresh.has(note.id) && <span className="visually-hidden">{t('present.newNote')}: </span>}
              <span className="present-note-text" dir="auto">
                {note.text}
              </span>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <p className="present-more" data-testid="present-more">
          {t('present.moreNotes', { count: hidden })}
        </p>
      )}
    </section>
  )
}

/** The questions the facilitator leads, side by side (one to three columns). */
export function PresentQuestions({
  questions,
  notes,
}: {
  questions: readonly PresentQuestion[]
  /** All the board's notes, to tell a new note from one that just came into view. */
  notes: readonly NoteData[]
}) {
  const fresh = useNewNotes(notes)
  return (
    <div
      className="present-questions"
      style={{ '--present-columns': Math.min(3, questions.length) } as never}
    >
      {questions.map((question) => (
        <Question key={question.zone.id} question={question} fresh={fresh} />
      ))}
    </div>
  )
}

/** Before the first round: the questions of the session, titles only. */
export function PresentOverview({ questions }: { questions: readonly PresentQuestion[] }) {
  const { t } = useTranslation()
  return (
    <section className="present-overview" aria-labelledby="present-overview-title">
      <h2 id="present-overview-title" className="present-overview-title">
        {t('present.questions')}
      </h2>
      <ol className="present-overview-list">
        {questions.map(({ zone }) => (
          <li key={zone.id} data-testid="present-overview-question">
            {zone.title}
          </li>
        ))}
      </ol>
    </section>
  )
}
