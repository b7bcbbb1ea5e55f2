import { useTranslation } from 'react-i18next'
// The share dialog's QR code: drawn in the browser, so no image service sees the board's link.
import { useQrDataUrl } from '../board/SharePanel'

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
