import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMUNITY_LIMITS } from '../../../shared/src/api/communityLimits'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { createCommunitySession } from '../api/communityApi'
import type { TemplateEntry } from '../api/templatesApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { currentLanguage } from '../i18n'
import { templateLabel } from '../landing/templates/templateText'
import { boardPath, navigate } from '../routing'
import { saveBoard } from '../storage/localBoards'
import { communityErrorKey } from './useCommunity'

/** "Zoals de vorige": the zones and script of the last session (the server's copyFromLast). */
const LIKE_LAST = ''

interface NextSessionFormProps {
  communityId: string
  communityKey: string
  /** The next session's number, for the suggested title. */
  nextPosition: number
  hasSessions: boolean
  /** The built-in templates (empty while they load). */
  templates: readonly TemplateEntry[]
}

/**
 * "Volgende sessie": a title, the central question and the template (by default the last
 * session's, with its open actions in a Terugblik zone). The new board opens with its facilitator
 * link, like a board made on the landing page.
 */
export function NextSessionForm({
  communityId,
  communityKey,
  nextPosition,
  hasSessions,
  templates,
}: NextSessionFormProps) {
  const { t } = useTranslation()
  const templateFieldId = useId()
  const [title, setTitle] = useState('')
  const [question, setQuestion] = useState('')
  // No last session to copy: '' is an empty board then.
  const [templateId, setTemplateId] = useState(LIKE_LAST)
  const [titleError, setTitleError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const language = currentLanguage()
  const builtIn = templates.filter((entry) => entry.builtin)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const cleanTitle = title.trim() || t('community.next.defaultTitle', { number: nextPosition })
    setTitleError(null)
    setError(null)
    if (cleanTitle.length > API_LIMITS.boardTitle) {
      setTitleError(t('community.next.titleTooLong'))
      return
    }
    setBusy(true)
    try {
      const created = await createCommunitySession(communityId, communityKey, {
        title: cleanTitle,
        ...(question.trim() ? { question: question.trim() } : {}),
        ...(templateId === LIKE_LAST ? { copyFromLast: hasSessions } : { templateId, copyFromLast: false }),
        language,
      })
      // Keep the key before anything else can fail, then open the board as its facilitator.
      saveBoard(created.id, {
        facilitatorKey: created.facilitatorKey,
        joinCode: created.joinCode,
        title: cleanTitle,
        lastOpened: Date.now(),
      })
      navigate(boardPath(created.id))
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
      setBusy(false)
    }
  }

  return (
    <form className="community-next" onSubmit={submit} noValidate data-testid="community-next-form">
      <TextField
        label={t('community.next.title')}
        placeholder={t('community.next.defaultTitle', { number: nextPosition })}
        value={title}
        onChange={setTitle}
        error={titleError}
        maxLength={API_LIMITS.boardTitle}
        autoComplete="off"
        data-testid="community-next-title"
      />
      <TextField
        label={t('community.next.question')}
        hint={t('community.next.questionHint')}
        value={question}
        onChange={setQuestion}
        maxLength={COMMUNITY_LIMITS.question}
        autoComplete="off"
        data-testid="community-next-question"
      />
      <div className="field">
        <label htmlFor={templateFieldId}>{t('community.next.template')}</label>
        <select
          id={templateFieldId}
          value={templateId}
          onChange={(event) => setTemplateId(event.target.value)}
          data-testid="community-next-template"
        >
          <option value={LIKE_LAST}>
            {hasSessions ? t('community.next.likeLast') : t('community.next.emptyBoard')}
          </option>
          {builtIn.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {templateLabel(entry, language)}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      <button type="submit" className="button primary" disabled={busy} data-testid="community-next-submit">
        {busy ? t('community.next.making') : t('community.next.submit')}
      </button>
    </form>
  )
}
