import { useTranslation } from 'react-i18next'
import { type NoteData, notesRoot } from '../../../shared/src/model'
import { readMergedCount } from '../../../shared/src/suggest/merge'
import { toScreenRect, type Viewport } from '../canvas/viewport'
import type { SessionView } from '../session/sessionView'
import './i18n'
import './suggest.css'

/**
 * "3×" on a note that stands for several merged near-duplicates (issue 20), so everyone still
 * sees that three people wrote it. Read from the note's own map: the count is set with the merge.
 */
export function MergedBadges({
  view,
  viewport,
  notes,
}: {
  view: SessionView
  viewport: Viewport
  notes: readonly NoteData[]
}) {
  const { t } = useTranslation()
  const root = notesRoot(view.doc)
  return notes.map((note) => {
    const count = readMergedCount(root.get(note.id))
    if (count < 2) return null
    const rect = toScreenRect(viewport, note)
    const label = t('suggest.mergedLabel', { count })
    return (
      <span
        key={note.id}
        className="note-merged"
        style={{ left: rect.x + rect.width / 2, top: rect.y }}
        role="img"
        aria-label={label}
        title={label}
        data-testid="note-merged"
        data-note-id={note.id}
      >
        {t('suggest.mergedBadge', { count })}
      </span>
    )
  })
}
