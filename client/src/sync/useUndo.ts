import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createUndoManager } from './undoManager'

export interface UndoControls {
  canUndo: boolean
  canRedo: boolean
  undo: () => void
  redo: () => void
}

/** A key press meant for a text field: its own (native) undo applies there, not the board's. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select') !== null
}

/**
 * Per-person undo/redo (see `createUndoManager`) with its buttons' state.
 * Keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo (outside text fields).
 */
export function useUndo(doc: Y.Doc, enabled: boolean): UndoControls {
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  const [state, setState] = useState({ canUndo: false, canRedo: false })

  // Made in an effect (not during render), so it is destroyed exactly once with its document.
  useEffect(() => {
    const next = createUndoManager(doc)
    const refresh = () => setState({ canUndo: next.canUndo(), canRedo: next.canRedo() })
    next.on('stack-item-added', refresh)
    next.on('stack-item-popped', refresh)
    next.on('stack-cleared', refresh)
    setManager(next)
    refresh()
    return () => {
      next.destroy()
      setManager(null)
    }
  }, [doc])

  const undo = useCallback(() => {
    if (enabled) manager?.undo()
  }, [manager, enabled])
  const redo = useCallback(() => {
    if (enabled) manager?.redo()
  }, [manager, enabled])

  useEffect(() => {
    if (!enabled || !manager) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return
      if (isTextEntry(event.target)) return
      const key = event.key.toLowerCase()
      const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)
      const isUndo = key === 'z' && !event.shiftKey
      if (!isUndo && !isRedo) return
      event.preventDefault()
      if (isRedo) manager.redo()
      else manager.undo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [manager, enabled])

  return { canUndo: enabled && state.canUndo, canRedo: enabled && state.canRedo, undo, redo }
}
