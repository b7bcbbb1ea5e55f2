import { useTranslation } from 'react-i18next'
import type { ZoneData } from '../../../../shared/src/model'
import { Modal } from '../../components/Modal'
import type { BoardEditor } from './BoardEditor'
import { useEditorState } from './editorContext'

/**
 * "Bij welke vraag hoort je briefje?": asked by "+ Briefje" when it is not clear which question
 * the person means (several questions in view, or none). One big button per question, so a tap on
 * a phone is enough; the round's questions first. Closed (locked) questions are left out.
 */
export function ZonePicker({
  editor,
  zones,
  roundZoneIds,
  closed,
}: {
  editor: BoardEditor
  zones: readonly ZoneData[]
  roundZoneIds: readonly string[]
  closed: ReadonlySet<string>
}) {
  const { t } = useTranslation()
  const picker = useEditorState(editor, (state) => state.zonePicker)
  const open = zones.filter((zone) => !closed.has(zone.id))
  const ordered = [
    ...open.filter((zone) => roundZoneIds.includes(zone.id)),
    ...open.filter((zone) => !roundZoneIds.includes(zone.id)),
  ]
  return (
    <Modal
      open={picker !== null}
      onClose={() => editor.chooseZone(undefined)}
      labelledBy="zone-picker-title"
      className="zone-picker"
      testId="zone-picker"
    >
      <h2 id="zone-picker-title">{t('zonePicker.title')}</h2>
      <p className="zone-picker-hint">
        {t(picker?.purpose === 'draft' ? 'zonePicker.hintDraft' : 'zonePicker.hint')}
      </p>
      <ul className="zone-picker-list">
        {ordered.map((zone) => (
          <li key={zone.id}>
            <button
              type="button"
              className="button secondary zone-picker-choice"
              onClick={() => editor.chooseZone(zone.id)}
              data-testid="zone-picker-choice"
              data-zone-id={zone.id}
            >
              <span className="zone-picker-title">{zone.title || t('outline.untitledZone')}</span>
              {roundZoneIds.includes(zone.id) && (
                <span className="zone-picker-now">{t('zonePicker.now')}</span>
              )}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="text-button"
            onClick={() => editor.chooseZone(null)}
            data-testid="zone-picker-none"
          >
            {t('zonePicker.none')}
          </button>
        </li>
      </ul>
      <button type="button" className="button secondary" onClick={() => editor.chooseZone(undefined)}>
        {t('zonePicker.cancel')}
      </button>
    </Modal>
  )
}
