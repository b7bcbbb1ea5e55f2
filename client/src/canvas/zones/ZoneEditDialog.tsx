import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { type TidyOrder, updateZone, type ZoneData } from '../../../../shared/src/model'
import { useEditor } from '../../board/editor/editorContext'
import { Modal } from '../../components/Modal'
import { TextField } from '../../components/TextField'
import { localCommand } from '../../sync/localOrigin'

/** The same limits a template has, so a board saved as a template keeps every word. */
const MAX_TITLE = 120
const MAX_PROMPT = 2500

interface ZoneEditDialogProps {
  doc: Y.Doc
  zone: ZoneData | null
  onClose: () => void
}

/**
 * Facilitators change a zone's question and explanation: every organisation words the LOS model
 * its own way. Everyone sees the new text at once.
 */
export function ZoneEditDialog({ doc, zone, onClose }: ZoneEditDialogProps) {
  const headingId = useId()
  return (
    <Modal open={zone !== null} onClose={onClose} labelledBy={headingId} testId="zone-edit">
      {zone && <ZoneEditForm key={zone.id} doc={doc} zone={zone} headingId={headingId} onClose={onClose} />}
    </Modal>
  )
}

function ZoneEditForm({
  doc,
  zone,
  headingId,
  onClose,
}: {
  doc: Y.Doc
  zone: ZoneData
  headingId: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const promptId = useId()
  const [title, setTitle] = useState(zone.title)
  const [prompt, setPrompt] = useState(zone.prompt)
  const [titleError, setTitleError] = useState<string | null>(null)
  const editor = useEditor()
  /** Tidies the question's notes (saving nothing of the form) and closes the dialog. */
  const tidy = (order: TidyOrder) => {
    editor.tidyZone(zone.id, order)
    onClose()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) {
      setTitleError(t('zones.titleRequired'))
      return
    }
    localCommand(doc, () => updateZone(doc, zone.id, { title: title.trim(), prompt: prompt.trim() }))
    onClose()
  }

  return (
    <form className="dialog-content" onSubmit={submit} noValidate>
      <h2 id={headingId}>{t('zones.editTitle')}</h2>
      <p className="card-intro">{t('zones.editIntro')}</p>
      <TextField
        label={t('zones.titleField')}
        value={title}
        onChange={setTitle}
        error={titleError}
        maxLength={MAX_TITLE}
        autoComplete="off"
        data-testid="zone-edit-title"
      />
      <div className="field">
        <label htmlFor={promptId}>{t('zones.promptField')}</label>
        <textarea
          id={promptId}
          rows={4}
          value={prompt}
          maxLength={MAX_PROMPT}
          onChange={(event) => setPrompt(event.target.value)}
          data-testid="zone-edit-prompt"
        />
      </div>
      <fieldset className="zone-tidy">
        <legend>{t('zones.tidyTitle')}</legend>
        <p className="card-intro">{t('zones.tidyIntro')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() => tidy('votes')}
            data-testid="zone-tidy-votes"
          >
            {t('zones.tidyVotes')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => tidy('time')}
            data-testid="zone-tidy-time"
          >
            {t('zones.tidyTime')}
          </button>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button primary" data-testid="zone-edit-save">
          {t('zones.save')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('zones.cancel')}
        </button>
      </div>
    </form>
  )
}
