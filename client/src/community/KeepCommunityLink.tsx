import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CopyableText } from '../components/CopyableText'
import { Modal } from '../components/Modal'

/**
 * Shown once, right after the community was made: its link is the only way back in (this browser
 * keeps it, but a cleared browser or another device does not). Co-facilitators get the same link.
 */
export function KeepCommunityLink({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <Modal open onClose={onClose} labelledBy={headingId} className="keep-key" testId="community-keep-link">
      <h2 id={headingId}>{t('community.keepLink.title')}</h2>
      <p>{t('community.keepLink.intro')}</p>
      <CopyableText label={t('community.keepLink.link')} value={url} testId="community-link" />
      <p className="field-hint">{t('community.keepLink.share')}</p>
      <button
        type="button"
        className="button primary"
        onClick={onClose}
        data-testid="community-keep-link-done"
      >
        {t('community.keepLink.done')}
      </button>
    </Modal>
  )
}
