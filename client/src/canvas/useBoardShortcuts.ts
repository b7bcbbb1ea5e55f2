import { useEffect, useRef } from 'react'

interface Shortcuts {
  /** N: new note in the middle of the screen. */
  onAddNote?: () => void
  /** Enter: edit the selected note. */
  onEditSelected?: () => void
  /** Delete / Backspace: remove the selected note. */
  onDeleteSelected?: () => void
  /** Escape: clear the selection. */
  onEscape?: () => void
}

/** Whether a key press belongs to something else: a text field, or a button/link being activated. */
function isTypingOrActivating(event: KeyboardEvent): boolean {
  const target = event.target
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('input, textarea, select, dialog')) return true
  return event.key === 'Enter' && target.closest('button, a, [role="button"]') !== null
}

/** Board keyboard shortcuts, listened for on the whole window so they work without a focused canvas. */
export function useBoardShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts)
  latest.current = shortcuts

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingOrActivating(event)) return
      const { onAddNote, onEditSelected, onDeleteSelected, onEscape } = latest.current
      let handler: (() => void) | undefined
      if (event.key === 'n' || event.key === 'N') handler = onAddNote
      else if (event.key === 'Enter') handler = onEditSelected
      else if (event.key === 'Delete' || event.key === 'Backspace') handler = onDeleteSelected
      else if (event.key === 'Escape') handler = onEscape
      if (!handler) return
      event.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
