import { useTranslation } from 'react-i18next'
import type { TemplateEntry } from '../../api/templatesApi'
import { currentLanguage } from '../../i18n'
import { TemplatePreview } from './TemplatePreview'
import { templateDescription, templateLabel } from './templateText'

interface TemplateCardProps {
  entry: TemplateEntry
  groupName: string
  selected: boolean
  own: boolean
  onSelect: (id: string) => void
}

/** Size of a session in a few words: "3 vakken · 55 min". */
export function TemplateMeta({ entry }: { entry: TemplateEntry }) {
  const { t } = useTranslation()
  const parts = [t('templates.zones', { count: entry.zoneCount })]
  if (entry.totalMinutes > 0) parts.push(t('templates.minutes', { count: entry.totalMinutes }))
  return <>{parts.join(' · ')}</>
}

/** One choice in the gallery: a real radio button (arrow keys, screen readers) dressed as a card. */
export function TemplateCard({ entry, groupName, selected, own, onSelect }: TemplateCardProps) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const descriptionId = `template-description-${entry.id}`
  return (
    <label
      className={`template-card${selected ? ' selected' : ''}`}
      data-testid={`template-option-${entry.id}`}
      data-selected={selected}
    >
      <input
        type="radio"
        className="visually-hidden"
        name={groupName}
        value={entry.id}
        checked={selected}
        onChange={() => onSelect(entry.id)}
        aria-describedby={descriptionId}
      />
      <TemplatePreview rects={entry.preview} />
      <span className="template-card-label">{templateLabel(entry, language)}</span>
      <span className="template-card-meta">
        <TemplateMeta entry={entry} />
      </span>
      {own && <span className="template-badge">{t('templates.own')}</span>}
      <span className="visually-hidden" id={descriptionId}>
        {templateDescription(entry, language)}
      </span>
    </label>
  )
}
