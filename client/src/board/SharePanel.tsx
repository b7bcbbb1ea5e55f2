import QRCode from 'qrcode'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JoinState } from '../api/joiningApi'
import { CopyableText } from '../components/CopyableText'
import { presentUrl } from '../present/presentModel'
import '../present/i18n/index'
import { JoinControls } from './JoinControls'

interface SharePanelProps {
  open: boolean
  onClose: () => void
  joinCode: string
  participantUrl: string
  /** For facilitators: close/open joining and a new code (JoinControls). */
  joining?: { boardId: string; token: string; joinOpen: boolean }
  viewerUrl?: string
  facilitatorUrl?: string
}

/** The QR code is drawn here in the browser: no image service ever sees the board's link. */
export function useQrDataUrl(text: string): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    QRCode.toDataURL(text, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (!cancelled) setDataUrl(url)
      })
      .catch(() => setDataUrl(null))
    return () => {
      cancelled = true
    }
  }, [text])
  return dataUrl
}

/**
 * Everything a facilitator needs to get the group in: the code in big letters (to read out or put
 * on a projector), a QR code, and the links. A modal <dialog> gives focus handling and Escape.
 */
export function SharePanel({
  open,
  onClose,
  joinCode: joinCodeProp,
  participantUrl: participantUrlProp,
  viewerUrl,
  facilitatorUrl,
  joining,
}: SharePanelProps) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  // A new code or closing made here shows at once (the board's info is only read on opening).
  const [changed, setChanged] = useState<JoinState | null>(null)
  const joinCode = changed?.joinCode ?? joinCodeProp
  const participantUrl = changed?.participantUrl ?? participantUrlProp
  const joinOpen = changed?.joinOpen ?? joining?.joinOpen ?? true
  const qr = useQrDataUrl(participantUrl)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog ref={dialogRef} className="share-panel" aria-labelledby="share-heading" onClose={onClose}>
      <div className="share-header">
        <h2 id="share-heading">{t('share.title')}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
      <div className="share-code-block">
        <p className="share-code-label">{t('share.codeLabel')}</p>
        <p className="share-code" data-testid="share-join-code">
          {joinCode}
        </p>
        <p className="share-code-help">{t('share.codeHelp', { origin: location.host })}</p>
        {qr && <img className="share-qr" src={qr} alt={t('share.qrAlt')} width={240} height={240} />}
      </div>
      {joining && (
        <JoinControls
          boardId={joining.boardId}
          token={joining.token}
          state={{ joinCode, joinOpen, participantUrl }}
          onChange={setChanged}
        />
      )}
      <CopyableText
        label={t('share.participantLink')}
        value={participantUrl}
        testId="share-participant-url"
      />
      {viewerUrl && (
        <CopyableText
          label={t('share.viewerLink')}
          value={viewerUrl}
          help={t('share.viewerHelp')}
          testId="share-viewer-url"
        />
      )}
      {viewerUrl && (
        // The projector gets the viewer link (read-only) in its own window, for a second screen.
        <div className="copyable">
          <button
            type="button"
            className="button primary"
            aria-describedby="share-present-help"
            onClick={() => window.open(presentUrl(viewerUrl), '_blank', 'noopener')}
            data-testid="share-present"
          >
            {t('present.open')}
          </button>
          <p className="copyable-help" id="share-present-help">
            {t('present.openHelp')}
          </p>
        </div>
      )}
      {facilitatorUrl && (
        <CopyableText
          label={t('share.facilitatorLink')}
          value={facilitatorUrl}
          help={t('share.facilitatorHelp')}
          testId="share-facilitator-url"
        />
      )}
    </dialog>
  )
}
