import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JoinState } from '../api/joiningApi'
import { rotateJoinCode, setJoiningOpen } from '../api/joiningApi'

interface JoinControlsProps {
  boardId: string
  /** A facilitator's token: only facilitators see these controls. */
  token: string
  state: JoinState
  onChange: (state: JoinState) => void
}

/**
 * The facilitator's hold on the join code, in the share dialog: close joining (people already in
 * stay) and open it again, or make a new code when the old one went round too far (old links and
 * QR codes stop working). A new code asks first, because it cannot be undone.
 */
export function JoinControls({ boardId, token, state, onChange }: JoinControlsProps) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  async function run(action: () => Promise<JoinState>) {
    setBusy(true)
    setFailed(false)
    try {
      onChange(await action())
      setConfirming(false)
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="join-controls" aria-labelledby="join-controls-heading">
      <h3 id="join-controls-heading">{t('share.joinHeading')}</h3>
      <p role="status" data-testid="share-join-status">
        {state.joinOpen ? t('share.joinOpen') : t('share.joinClosed')}
      </p>
      <div className="join-controls-buttons">
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => run(() => setJoiningOpen(boardId, token, !state.joinOpen))}
          data-testid="share-toggle-joining"
        >
          {state.joinOpen ? t('share.closeJoining') : t('share.openJoining')}
        </button>
        {!confirming && (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => setConfirming(true)}
            data-testid="share-new-code"
          >
            {t('share.newCode')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="join-controls-confirm">
          <p>{t('share.newCodeConfirm')}</p>
          <div className="join-controls-buttons">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => run(() => rotateJoinCode(boardId, token))}
              data-testid="share-new-code-confirm"
            >
              {t('share.newCodeYes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('share.cancel')}
            </button>
          </div>
        </div>
      )}
      {failed && <p className="form-error">{t('share.joinFailed')}</p>}
    </section>
  )
}
