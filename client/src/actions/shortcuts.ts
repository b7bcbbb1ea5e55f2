/**
 * Shortcuts written as "Mod+Shift+Z": `Mod` is Cmd on a Mac and Ctrl elsewhere. Letters match
 * case-insensitively (Shift must be given when meant); symbols such as "?" or "+" match the
 * character typed, whatever it took on the person's keyboard layout to type it.
 */

export interface ParsedShortcut {
  mod: boolean
  shift: boolean
  alt: boolean
  key: string
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

export function parseShortcut(shortcut: string): ParsedShortcut {
  // "+" itself is a key: "Mod++" or "+".
  const parts = shortcut === '+' ? ['+'] : shortcut.replace(/\+\+$/, '+plus').split('+')
  const key = parts.pop() ?? ''
  return {
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key === 'plus' ? '+' : key,
  }
}

const isSymbol = (key: string) => key.length === 1 && !/[a-z0-9]/i.test(key)

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parsed = parseShortcut(shortcut)
  const mod = event.ctrlKey || event.metaKey
  if (parsed.mod !== mod || parsed.alt !== event.altKey) return false
  if (isSymbol(parsed.key)) return event.key === parsed.key
  if (parsed.shift !== event.shiftKey) return false
  if (parsed.key.length === 1) {
    // event.code keeps "D" a D when a layout or Alt turns the character into something else.
    return (
      event.key.toLowerCase() === parsed.key.toLowerCase() || event.code === `Key${parsed.key.toUpperCase()}`
    )
  }
  if (parsed.key === 'Space') return event.key === ' '
  return event.key === parsed.key
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Backspace: '⌫',
}

/** The keys of a shortcut as people see them on their keyboard, e.g. ["Ctrl", "D"]. */
export function shortcutKeys(shortcut: string, names: { space: string; delete: string }): string[] {
  const parsed = parseShortcut(shortcut)
  const mac = isMac()
  const keys: string[] = []
  if (parsed.mod) keys.push(mac ? '⌘' : 'Ctrl')
  if (parsed.alt) keys.push(mac ? '⌥' : 'Alt')
  if (parsed.shift) keys.push(mac ? '⇧' : 'Shift')
  const key = parsed.key
  if (key === 'Space') keys.push(names.space)
  else if (key === 'Delete') keys.push(names.delete)
  else keys.push(KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key))
  return keys
}

export function formatShortcut(shortcut: string, names: { space: string; delete: string }): string {
  return shortcutKeys(shortcut, names).join(isMac() ? '' : '+')
}

/** The value for `aria-keyshortcuts` (WAI-ARIA spelling: Control, Meta, Shift, Alt). */
export function ariaShortcut(shortcut: string): string {
  const parsed = parseShortcut(shortcut)
  const parts: string[] = []
  if (parsed.mod) parts.push(isMac() ? 'Meta' : 'Control')
  if (parsed.alt) parts.push('Alt')
  if (parsed.shift) parts.push('Shift')
  parts.push(parsed.key === 'Space' ? 'Space' : parsed.key)
  return parts.join('+')
}
