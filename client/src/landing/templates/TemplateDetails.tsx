import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteTemplate, type TemplateEntry, templateDownloadUrl } from '../../api/templatesApi'
import { FormError } from '../../components/FormError'
import { currentLanguage } from '../../i18n'
import { getTemplateEditKey } from '../../storage/templateKeys'
import { TemplateMeta } from './TemplateCard'
import { TemplateEditForm } from './TemplateEditForm'
import { templateErrorMessage } from './templateErrors'
import { templateDescription, templateLabel } from './templateText'

interface TemplateDetailsProps {
  entry: TemplateEntry
  onChanged: (entry: TemplateEntry) => void
  onDeleted: (id: string) => void
}

type Mode = 'view' | 'edit' | 'confirmDelete'

/**
 * The chosen template in full: its explanation, and what can be done with it. Only the selected
 * card shows these buttons, so the gallery itself stays calm.
 */
export function TemplateDetails({ entry, onChanged, onDeleted }: TemplateDetailsProps) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [mode, setMode] = useState<Mode>('view')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const editKey = entry.builtin ? null : getTemplateEditKey(entry.id)
  const description = templateDescription(entry, language)

  async function remove() {
    if (!editKey) return
    setBusy(true)
    setError(null)
    try {
      await deleteTemplate(entry.id, editKey)
      onDeleted(entry.id)
    } catch (caught) {
      setError(templateErrorMessage(t, caught))
      setBusy(false)
    }
  }

  return (
    <div className="template-details" data-testid="template-details">
      <h4 className="template-details-title">{templateLabel(entry, language)}</h4>
      <p className="template-details-meta">
        <TemplateMeta entry={entry} />
      </p>
      {description && <p className="template-details-description">{description}</p>}
      {mode === 'edit' && editKey ? (
        <TemplateEditForm
          entry={entry}
          editKey={editKey}
          onCancel={() => setMode('view')}
          onSaved={(saved) => {
            setMode('view')
            onChanged(saved)
          }}
        />
      ) : mode === 'confirmDelete' ? (
        <div className="template-confirm" role="alert">
          <p>{t('templates.deleteConfirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={remove}
              data-testid="template-delete-confirm"
            >
              {t('templates.deleteYes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setMode('view')}>
              {t('templates.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="template-actions">
          {entry.zoneCount > 0 && (
            <a
              className="text-button"
              href={templateDownloadUrl(entry.id)}
              download
              data-testid="template-download"
            >
              {t('templates.download')}
            </a>
          )}
          {editKey && (
            <>
              <button
                type="button"
                className="text-button"
                onClick={() => setMode('edit')}
                data-testid="template-edit"
              >
                {t('templates.edit')}
              </button>
              <button
                type="button"
                className="text-button danger"
                onClick={() => setMode('confirmDelete')}
                data-testid="template-delete"
              >
                {t('templates.delete')}
              </button>
            </>
          )}
        </div>
      )}
      <FormError message={error} />
    </div>
  )
}
