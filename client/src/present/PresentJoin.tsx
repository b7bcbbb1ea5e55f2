import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The QR code, drawn in the browser like the share dialog's (same library and settings), so no
 * image service ever sees the board's link. Larger, because it is scanned from across a room.
 */
function useQrDataUrl(text: string): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    QRCode.toDataURL(text, { margin: 1, width: 640, errorCorrectionLevel: 'M' })
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

/** "Doe mee": the join code in big letters, where to type it, and the QR code. */
export function PresentJoin({ joinCode, participantUrl }: { joinCode: string; participantUrl: string }) {
  const { t } = useTranslation()
  const qr = useQrDataUrl(participantUrl)
  return (
    <aside className="present-join" aria-labelledby="present-join-title" data-testid="present-join">
      <h2 id="present-join-title" className="present-join-title">
        {t('present.joinTitle')}
      </h2>
      {qr && <img className="present-qr" src={qr} alt={t('present.qrAlt')} data-testid="present-qr" />}
      <p className="present-join-at">{t('present.joinAt', { host: location.host })}</p>
      <p className="present-join-code" data-testid="present-join-code">
        <span className="visually-hidden">{t('present.joinCode')}: </span>
        {joinCode}
      </p>
    </aside>
  )
}
