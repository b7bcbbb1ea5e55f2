import { useCallback, useEffect, useState } from 'react'
import * as Y from 'yjs'
import { clustersRoot, notesRoot, zonesRoot } from '../../../shared/src/model'
import { LOCAL_ORIGIN } from './localOrigin'

export interface UndoControls {
  canUndo: boolean
  canRedo: boolean
  undo: () => void
  redo: () => void
}

/** Edits within this time form one undo step (typing a sentence, not every letter). */
const CAPTURE_TIMEOUT_MS = 600

/** A key press meant for a text field: its own (native) undo applies there, not the board's. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select') !== null
}

/**
 * Per-person undo/redo: a Y.UndoManager over the notes, zones and clusters that tracks only
 * transactions with this tab's LOCAL_ORIGIN. Remote edits (provider origin) and the offline copy
 * loading (IndexedDB origin) are never on the stack, so undo never reverts someone else's work;
 * Yjs also leaves their later changes in place when it reverts ours.
 * Keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo (outside text fields).
 */
export function useUndo(doc: Y.Doc, enabled: boolean): UndoControls {
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  const [state, setState] = useState({ canUndo: false, canRedo: false })

  // Made in an effect (not during render), so it is destroyed exactly once with its document.
  useEffect(() => {
    const next = new Y.UndoManager([notesRoot(doc), zonesRoot(doc), clustersRoot(doc)], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: CAPTURE_TIMEOUT_MS,
    })
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
