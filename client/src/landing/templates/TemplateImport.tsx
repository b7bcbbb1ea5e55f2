import { type ChangeEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importTemplate, type SavedTemplate } from '../../api/templatesApi'
import { FormError } from '../../components/FormError'
import { templateErrorMessage } from './templateErrors'

/**
 * "Add a template from a file": a facilitator got a .json file from a colleague (or downloaded one
 * and changed it). The server checks it and says what is wrong; we show that in a full sentence.
 */
export function TemplateImport({ onImported }: { onImported: (saved: SavedTemplate) => void }) {
  const { t } = useTranslation()
  const inputRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target
    const file = input.files?.[0]
    // Let the same file be picked again after fixing it.
    input.value = ''
    if (!file) return
    setError(null)
    setBusy(true)
    try {
      onImported(await importTemplate(await file.text()))
    } catch (caught) {
      setError(templateErrorMessage(t, caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="template-import">
      <button
        type="button"
        className="button secondary"
        onClick={() => inputRef.current?.click()}
        disabled={busy}
        data-testid="template-import"
      >
        {busy ? t('templates.importing') : t('templates.import')}
      </button>
      <p className="field-hint">{t('templates.importHint')}</p>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={onFile}
        data-testid="template-import-input"
      />
      <FormError message={error} testId="template-import-error" />
    </div>
  )
}
