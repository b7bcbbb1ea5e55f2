import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { normalizeJoinCode } from '../../../shared/src/joinCode'
import { joinWithCode } from '../api/access'
import { errorMessageKey } from '../api/boardsApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { getStoredName } from '../storage/localBoards'

const MAX_NAME = API_LIMITS.personName

interface JoinBoardFormProps {
  title: string
  intro: string
  initialCode?: string
  /** Called with the board id once this device has a token for it. */
  onJoined: (boardId: string) => void
}

/** Code + name. Accepts the code as people type it: `k7m4qp`, `K7M 4QP`, `K7M-4QP`. */
export function JoinBoardForm({ title, intro, initialCode = '', onJoined }: JoinBoardFormProps) {
  const { t } = useTranslation()
  const [code, setCode] = useState(() => normalizeJoinCode(initialCode) ?? initialCode)
  const [name, setName] = useState(getStoredName)
  const [fieldErrors, setFieldErrors] = useState<{ code?: string; name?: string }>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const joinCode = normalizeJoinCode(code)
    const errors = {
      code: joinCode ? undefined : t('errors.codeInvalid'),
      name: name.trim() ? undefined : t('errors.nameRequired'),
    }
    setFieldErrors(errors)
    setFormError(null)
    if (!joinCode || errors.name) return
    setCode(joinCode)
    setBusy(true)
    try {
      onJoined(await joinWithCode({ joinCode, name: name.trim() }))
    } catch (error) {
      const key = errorMessageKey(error)
      // An unknown code is a problem with the code field, so show it there.
      if (key === 'errors.unknownJoinCode') setFieldErrors({ code: t(key) })
      else setFormError(t(key))
      setBusy(false)
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="join-heading">
      <h2 id="join-heading">{title}</h2>
      <p className="card-intro">{intro}</p>
      <TextField
        className="field-code"
        label={t('landing.joinCode')}
        hint={t('landing.joinCodeHint')}
        value={code}
        onChange={setCode}
        onBlur={() => setCode((value) => normalizeJoinCode(value) ?? value)}
        error={fieldErrors.code}
        maxLength={12}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        data-testid="join-code"
      />
      <TextField
        label={t('landing.yourName')}
        placeholder={t('landing.yourNamePlaceholder')}
        value={name}
        onChange={setName}
        error={fieldErrors.name}
        maxLength={MAX_NAME}
        autoComplete="given-name"
        data-testid="join-name"
      />
      <FormError message={formError} />
      <button className="button primary" type="submit" disabled={busy} data-testid="join-submit">
        {busy ? t('landing.joining') : t('landing.joinSubmit')}
      </button>
    </form>
  )
}
