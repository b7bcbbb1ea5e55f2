import { useTranslation } from 'react-i18next'
import { shortcutKeys } from './shortcuts'

/** A shortcut as keyboard keys: <kbd>Ctrl</kbd> <kbd>D</kbd>. */
export function ShortcutKeys({ shortcut }: { shortcut: string }) {
  const { t } = useTranslation()
  const keys = shortcutKeys(shortcut, { space: t('keys.space'), delete: t('keys.delete') })
  return (
    <span className="shortcut-keys">
      {keys.map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  )
}
