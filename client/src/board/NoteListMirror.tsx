import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData, ZoneData } from '../../../shared/src/model'

interface NoteListMirrorProps {
  notes: NoteData[]
  zones: ZoneData[]
}

/** Stands in for the author's name, to translate "by {{name}}" once instead of once per note. */
const NAME_SLOT = '\u0000'

interface ItemTexts {
  empty: string
  /** "by " and "" around the name (or whatever the language puts there). */
  byBefore: string
  byAfter: string
}

/** One note; memoised, so a change to one note does not re-render the 2,000 others. */
const NoteItem = memo(function NoteItem({ note, texts }: { note: NoteData; texts: ItemTexts }) {
  return (
    <li data-testid="note-item" data-note-id={note.id}>
      <span className="note-item-text">{note.text || texts.empty}</span>
      {note.authorName && (
        <span className="note-item-author">{`, ${texts.byBefore}${note.authorName}${texts.byAfter}`}</span>
      )}
    </li>
  )
})

function NoteItems({ notes, texts }: { notes: NoteData[]; texts: ItemTexts }) {
  return (
    <ul>
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} texts={texts} />
      ))}
    </ul>
  )
}

/**
 * The board as a plain list, grouped by question, for screen reader users (the canvas is a picture
 * to them). Visually hidden, but always in the DOM and kept live.
 */
export const NoteListMirror = memo(function NoteListMirror({ notes, zones }: NoteListMirrorProps) {
  const { t } = useTranslation()
  const [byBefore = '', byAfter = ''] = t('list.by', { name: NAME_SLOT }).split(NAME_SLOT)
  const empty = t('list.emptyNote')
  // Memoised items compare `texts` by identity: rebuild it only when a translation changes.
  const texts = useMemo(() => ({ empty, byBefore, byAfter }), [empty, byBefore, byAfter])
  const zoneIds = new Set(zones.map((zone) => zone.id))
  const loose = notes.filter((note) => !note.zoneId || !zoneIds.has(note.zoneId))
  return (
    <section className="visually-hidden" aria-label={t('list.label')} data-testid="note-list">
      <h2>{t('list.label')}</h2>
      {notes.length === 0 && <p>{t('list.empty')}</p>}
      {zones.map((zone) => {
        const inZone = notes.filter((note) => note.zoneId === zone.id)
        return (
          <section key={zone.id} aria-label={zone.title}>
            <h3>{zone.title}</h3>
            {zone.prompt && <p>{zone.prompt}</p>}
            <NoteItems notes={inZone} texts={texts} />
          </section>
        )
      })}
      {loose.length > 0 && (
        <section aria-label={t('list.noZone')}>
          <h3>{t('list.noZone')}</h3>
          <NoteItems notes={loose} texts={texts} />
        </section>
      )}
    </section>
  )
})
