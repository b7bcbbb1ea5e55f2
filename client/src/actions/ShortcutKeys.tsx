import { useTranslation } from 'react-i18next'
import { shortcutKeys } from './shortcuts'

/**
 * A shortcut as keyboard keys: <kbd>Ctrl</kbd> <kbd>D</kbd>. `hideOnTouch` where the keys are only
 * an extra next to something else (the command menu), not the content itself (the shortcut sheet).
 */
export function ShortcutKeys({ shortcut, hideOnTouch }: { shortcut: string; hideOnTouch?: boolean }) {
  const { t } = useTranslation()
  const keys = shortcutKeys(shortcut, { space: t('keys.space'), delete: t('keys.delete') })
  return (
    <span className={hideOnTouch ? 'shortcut-keys key-hint' : 'shortcut-keys'}>
      {keys.map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  )
}
