import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/http'
import { Modal } from '../../components/Modal'
import { navigate } from '../../routing'
import { forgetBoard } from '../../storage/localBoards'
import { forgetOfflineBoard } from '../../sync/offline'
import { rememberDeletedBoard } from './deletedNotice'
import { deleteBoard } from './reportApi'

/** The part of the export dialog that leads to deleting the board. */
export function DeleteBoardSection({ onRequest }: { onRequest: () => void }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="export-delete" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.delete.title')}</h3>
      <p>{t('export.delete.intro')}</p>
      <button type="button" className="button danger" onClick={onRequest} data-testid="export-delete">
        {t('export.delete.button')}
      </button>
    </section>
  )
}

/**
 * "Export, then delete": the last step of a session. A confirmation first (the deletion cannot be
 * undone and disconnects everyone), then `DELETE /api/boards/:id`, then back to the start page,
 * which says the board is gone. This device forgets the board and its offline copy too.
 * Rendered next to the export dialog, not inside it: React passes a nested dialog's close event on
 * to the outer dialog's onClose, which would close both.
 */
export function DeleteBoardConfirm({
  open,
  onClose,
  boardId,
  token,
  title,
}: {
  open: boolean
  onClose: () => void
  boardId: string
  token: string
  title: string
}) {
  const headingId = useId()
  return (
    <Modal
      open={open}
      onClose={onClose}
      labelledBy={headingId}
      className="export-delete-confirm"
      testId="export-delete-confirm"
    >
      <ConfirmContent headingId={headingId} onClose={onClose} boardId={boardId} token={token} title={title} />
    </Modal>
  )
}

function ConfirmContent({
  headingId,
  onClose,
  boardId,
  token,
  title,
}: {
  headingId: string
  onClose: () => void
  boardId: string
  token: string
  title: string
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await deleteBoard(boardId, token)
    } catch (caught) {
      // Already gone (someone else deleted it): that is what was asked for.
      if (!(caught instanceof ApiError && caught.status === 404)) {
        setBusy(false)
        const network = caught instanceof ApiError && caught.code === 'network'
        setError(t(network ? 'export.errors.network' : 'export.delete.failed'))
        return
      }
    }
    forgetBoard(boardId)
    rememberDeletedBoard(title)
    // Leaving the board closes its connections and offline copy before that copy is removed.
    navigate('/', { replace: true })
    forgetOfflineBoard(boardId)
  }

  return (
    <div className="dialog-content">
      <h2 id={headingId}>{t('export.delete.confirmTitle')}</h2>
      <p>{t('export.delete.confirmText', { title })}</p>
      <p>
        <strong>{t('export.delete.confirmWarning')}</strong>
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {/* First, so the dialog opens with focus on the safe choice. */}
        <button type="button" className="button secondary" onClick={onClose} disabled={busy}>
          {t('export.delete.no')}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => void confirm()}
          disabled={busy}
          data-testid="export-delete-yes"
        >
          {busy ? t('export.delete.busy') : t('export.delete.yes')}
        </button>
      </div>
    </div>
  )
}
