import { useTranslation } from 'react-i18next'
import type { NoteData, ZoneData } from '../../../shared/src/model'

interface NoteListMirrorProps {
  notes: NoteData[]
  zones: ZoneData[]
}

function NoteItems({ notes }: { notes: NoteData[] }) {
  const { t } = useTranslation()
  return (
    <ul>
      {notes.map((note) => (
        <li key={note.id} data-testid="note-item" data-note-id={note.id}>
          <span className="note-item-text">{note.text || t('list.emptyNote')}</span>
          {note.authorName && (
            <span className="note-item-author">, {t('list.by', { name: note.authorName })}</span>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * The board as a plain list, grouped by question, for screen reader users (the canvas is a picture
 * to them). Visually hidden, but always in the DOM and kept live.
 */
export function NoteListMirror({ notes, zones }: NoteListMirrorProps) {
  const { t } = useTranslation()
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
            <NoteItems notes={inZone} />
          </section>
        )
      })}
      {loose.length > 0 && (
        <section aria-label={t('list.noZone')}>
          <h3>{t('list.noZone')}</h3>
          <NoteItems notes={loose} />
        </section>
      )}
    </section>
  )
}
