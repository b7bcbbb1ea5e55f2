import { useTranslation } from 'react-i18next'
import type { PresenceController } from './PresenceController'
import { useFollowState } from './usePresence'
import './presence.css'

/** While following someone: a visible note on the board saying whom, with a way out. */
export function FollowBanner({ controller }: { controller: PresenceController }) {
  const { t } = useTranslation()
  const follow = useFollowState(controller)
  if (follow.clientId === null) return null
  const color = controller.peer(follow.clientId)?.user.color
  return (
    <div
      className="follow-banner"
      data-testid="follow-banner"
      style={color ? { borderColor: color } : undefined}
    >
      <span>{t('participants.followingShort', { name: follow.name })}</span>
      <button type="button" className="toolbar-button" onClick={() => controller.stopFollowing(null)}>
        {t('participants.stopFollowing')}
      </button>
    </div>
  )
}
