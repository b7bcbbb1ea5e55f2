import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { links } from '../../../shared/src/api/links'
import { createToken, errorMessageKey } from '../api/boardsApi'
import { CopyableText } from '../components/CopyableText'
import { Modal } from '../components/Modal'
import { saveBoard } from '../storage/localBoards'
import { useQrDataUrl } from './SharePanel'
import './keepKey.css'

interface KeepKeyDialogProps {
  open: boolean
  onClose: () => void
  boardId: string
  title: string
  facilitatorKey: string
}

/** A small web page with the link on it: opens in any browser, also years from now. */
function keyFile(title: string, url: string, heading: string): Blob {
  const escapeHtml = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
  const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(heading)}</h1><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`
  return new Blob([html], { type: 'text/html;charset=utf-8' })
}

function fileName(title: string): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'bord'
  return `oogst-sleutel-${slug}.html`
}

/**
 * "Bewaar je begeleiderslink": asked once after a board is made, and again from the board menu.
 * The facilitator key lives in this browser's storage; a closed or cleared browser loses the board
 * unless the link is kept somewhere else: copied, mailed to oneself, downloaded as a small file, or
 * scanned from the QR code with a phone. Co-facilitators get links of their own (a facilitator
 * token with their name) that can be taken back one by one.
 */
export function KeepKeyDialog({ open, onClose, boardId, title, facilitatorKey }: KeepKeyDialogProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const url = links.facilitator(location.origin, boardId, facilitatorKey)
  const qr = useQrDataUrl(url)
  const [coName, setCoName] = useState('')
  const [coLink, setCoLink] = useState<string | null>(null)
  const [coError, setCoError] = useState<string | null>(null)
  const mail = `mailto:?subject=${encodeURIComponent(t('keepKey.mailSubject', { title }))}&body=${encodeURIComponent(
    t('keepKey.mailBody', { title, url }),
  )}`

  const download = () => {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(keyFile(title, url, t('keepKey.fileHeading', { title })))
    link.download = fileName(title)
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  }

  const makeCoLink = async (event: FormEvent) => {
    event.preventDefault()
    if (!coName.trim()) return
    setCoError(null)
    try {
      const { token } = await createToken(boardId, facilitatorKey, {
        role: 'facilitator',
        name: coName.trim(),
      })
      setCoLink(links.withToken(location.origin, boardId, token))
    } catch (error) {
      setCoError(t(errorMessageKey(error)))
    }
  }

  return (
    <Modal open={open} onClose={onClose} labelledBy={headingId} className="keep-key" testId="keep-key">
      <h2 id={headingId}>{t('keepKey.title')}</h2>
      <p>{t('keepKey.intro')}</p>
      <CopyableText label={t('keepKey.link')} value={url} testId="keep-key-url" />
      <div className="keep-key-ways">
        <a className="button secondary" href={mail} data-testid="keep-key-mail">
          {t('keepKey.mail')}
        </a>
        <button type="button" className="button secondary" onClick={download} data-testid="keep-key-download">
          {t('keepKey.download')}
        </button>
      </div>
      {qr && <img className="keep-key-qr" src={qr} alt={t('keepKey.qrAlt')} width={160} height={160} />}
      <div className="keep-key-buttons">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            saveBoard(boardId, { keySaved: true })
            onClose()
          }}
          data-testid="keep-key-done"
        >
          {t('keepKey.done')}
        </button>
        <button type="button" className="button secondary" onClick={onClose} data-testid="keep-key-later">
          {t('keepKey.later')}
        </button>
      </div>
      <details className="keep-key-co">
        <summary>{t('keepKey.coTitle')}</summary>
        <form onSubmit={makeCoLink}>
          <p>{t('keepKey.coIntro')}</p>
          <label htmlFor={`${headingId}-co`}>{t('keepKey.coName')}</label>
          <input
            id={`${headingId}-co`}
            value={coName}
            onChange={(event) => setCoName(event.target.value)}
            maxLength={API_LIMITS.personName}
            data-testid="keep-key-co-name"
          />
          <button type="submit" className="button secondary" data-testid="keep-key-co-make">
            {t('keepKey.coMake')}
          </button>
          {coError && (
            <p className="form-error" role="alert">
              {coError}
            </p>
          )}
          {coLink && (
            <CopyableText
              label={t('keepKey.coLink', { name: coName.trim() })}
              value={coLink}
              testId="keep-key-co-url"
            />
          )}
        </form>
      </details>
    </Modal>
  )
}
