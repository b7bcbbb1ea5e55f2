import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedTemplate } from '../../api/templatesApi'
import { currentLanguage } from '../../i18n'
import { forgetTemplateEditKey, getTemplateEditKey, saveTemplateEditKey } from '../../storage/templateKeys'
import { TemplateCard } from './TemplateCard'
import { TemplateDetails } from './TemplateDetails'
import { TemplateImport } from './TemplateImport'
import { templateLabel } from './templateText'
import { useTemplates } from './useTemplates'

export const EMPTY_TEMPLATE_ID = 'leeg'

interface TemplateGalleryProps {
  selectedId: string
  onSelect: (id: string) => void
}

/**
 * Choosing how a new board starts: an empty board (the default) or a template with question zones
 * and a session script. A grid of cards that wraps to two columns on a phone; the page scrolls,
 * the grid itself never does (nested scrolling is hard on touch screens).
 */
export function TemplateGallery({ selectedId, onSelect }: TemplateGalleryProps) {
  const { t } = useTranslation()
  const groupName = useId()
  const { state, reload, upsert, remove } = useTemplates()
  const [notice, setNotice] = useState('')
  const templates = state.status === 'ready' ? state.templates : []
  const selected = templates.find((entry) => entry.id === selectedId) ?? null

  // A template that disappeared (deleted elsewhere) cannot stay chosen.
  useEffect(() => {
    if (state.status === 'ready' && !selected) onSelect(EMPTY_TEMPLATE_ID)
  }, [state.status, selected, onSelect])

  const onImported = (saved: SavedTemplate) => {
    const { editKey, ...entry } = saved
    saveTemplateEditKey(entry.id, editKey)
    upsert(entry)
    onSelect(entry.id)
    setNotice(t('templates.imported', { label: templateLabel(entry, currentLanguage()) }))
  }

  const onDeleted = (id: string) => {
    forgetTemplateEditKey(id)
    remove(id)
    onSelect(EMPTY_TEMPLATE_ID)
    setNotice(t('templates.deleted'))
  }

  return (
    <fieldset className="template-gallery" data-testid="template-gallery">
      <legend className="template-gallery-legend">{t('templates.heading')}</legend>
      <p className="field-hint">{t('templates.intro')}</p>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('templates.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="template-load-error" role="alert">
          <p>{t('templates.loadFailed')}</p>
          <button type="button" className="button secondary" onClick={reload}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {templates.length > 0 && (
        <div className="template-grid">
          {templates.map((entry) => (
            <TemplateCard
              key={entry.id}
              entry={entry}
              groupName={groupName}
              selected={entry.id === selectedId}
              own={!entry.builtin && getTemplateEditKey(entry.id) !== null}
              onSelect={onSelect}
            />
          ))}
        </div>
      )}
      {selected && (
        <TemplateDetails
          key={selected.id}
          entry={selected}
          onChanged={(entry) => {
            upsert(entry)
            setNotice(t('templates.saved'))
          }}
          onDeleted={onDeleted}
        />
      )}
      <p className="template-notice" role="status" data-testid="template-notice">
        {notice}
      </p>
      <TemplateImport onImported={onImported} />
    </fieldset>
  )
}
