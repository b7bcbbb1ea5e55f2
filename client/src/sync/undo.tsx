import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { clustersRoot, notesRoot, shapesRoot, zonesRoot } from '../../../shared/src/model'
import { LOCAL_ORIGIN, registerUndoSteps } from './localOrigin'
import { registerHistory, UndoHistory } from './undoHistory'
import './undo.css'

/** Edits within this time form one undo step (typing a sentence, not every letter). */
export const CAPTURE_TIMEOUT_MS = 600

/**
 * Per-person undo: over the notes, zones, clusters and shapes, tracking only transactions with this tab's
 * LOCAL_ORIGIN. Remote edits (provider origin) and the offline copy loading (IndexedDB origin) are
 * never on the stack, so undo never reverts someone else's work; Yjs also leaves their later
 * changes in place when it reverts ours.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([notesRoot(doc), zonesRoot(doc), clustersRoot(doc), shapesRoot(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: CAPTURE_TIMEOUT_MS,
  })
}

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
 * Undo can remove the very element that had the focus (a note's field, the undo button that is
 * now disabled): then the focus would fall to <body> and a keyboard or screen-reader user starts
 * over at the top of the page. It goes to the button that can still act instead.
 */
function keepFocusOnPage() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const active = document.activeElement
      if (active && active !== document.body && active.isConnected) return
      const target = document.querySelector<HTMLButtonElement>(
        '[data-testid=undo]:not(:disabled), [data-testid=redo]:not(:disabled), [data-testid=undo]',
      )
      target?.focus()
    }),
  )
}

/**
 * Per-person undo/redo (see `createUndoManager`, plus votes via `UndoHistory`) with its buttons'
 * state. Keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo (outside text fields). Every
 * undo and redo is said in the polite live region, since nothing else tells a screen-reader user
 * what changed (or that nothing did).
 */
export function useUndo(doc: Y.Doc, enabled: boolean, announce?: (message: string) => void): UndoControls {
  const { t } = useTranslation()
  const [history, setHistory] = useState<UndoHistory | null>(null)
  const [state, setState] = useState({ canUndo: false, canRedo: false })

  // Made in an effect (not during render), so it is destroyed exactly once with its document.
  useEffect(() => {
    const manager = createUndoManager(doc)
    const next = new UndoHistory(manager)
    const refresh = () => setState({ canUndo: next.canUndo(), canRedo: next.canRedo() })
    const unsubscribe = next.subscribe(refresh)
    setHistory(next)
    refresh()
    const unregister = registerUndoSteps(doc, manager)
    const unregisterHistory = registerHistory(doc, next)
    return () => {
      unregisterHistory()
      unregister()
      unsubscribe()
      next.destroy()
      manager.destroy()
      setHistory(null)
    }
  }, [doc])

  const latest = useRef({ t, announce })
  latest.current = { t, announce }
  const run = useCallback(
    (kind: 'undo' | 'redo') => {
      if (!enabled || !history) return
      const outcome = kind === 'undo' ? history.undo() : history.redo()
      const { t, announce } = latest.current
      if (outcome) {
        const done = t(kind === 'undo' ? 'undo.undone' : 'undo.redone')
        announce?.(outcome.label ? `${done}: ${outcome.label}` : done)
      } else announce?.(t(kind === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo'))
      keepFocusOnPage()
    },
    [history, enabled],
  )
  const undo = useCallback(() => run('undo'), [run])
  const redo = useCallback(() => run('redo'), [run])

  useEffect(() => {
    if (!enabled || !history) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return
      if (isTextEntry(event.target)) return
      const key = event.key.toLowerCase()
      const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)
      const isUndo = key === 'z' && !event.shiftKey
      if (!isUndo && !isRedo) return
      event.preventDefault()
      run(isRedo ? 'redo' : 'undo')
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [history, enabled, run])

  return { canUndo: enabled && state.canUndo, canRedo: enabled && state.canRedo, undo, redo }
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

function Arrow({ flip }: { flip?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
      style={flip ? { transform: 'scaleX(-1)' } : undefined}
    >
      <path
        d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** Undo / redo of this person's own changes, for everyone who does not use the shortcuts. */
export function UndoButtons({ controls }: { controls: UndoControls }) {
  const { t } = useTranslation()
  const mod = isMac ? '⌘' : 'Ctrl'
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of two buttons, not a form fieldset
    <div className="undo-buttons" role="group" aria-label={t('undo.label')}>
      <button
        type="button"
        className="icon-button"
        onClick={controls.undo}
        disabled={!controls.canUndo}
        aria-label={t('undo.undo')}
        title={t('undo.undoHint', { shortcut: `${mod}+Z` })}
        aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
        data-testid="undo"
      >
        <Arrow />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={controls.redo}
        disabled={!controls.canRedo}
        aria-label={t('undo.redo')}
        title={t('undo.redoHint', { shortcut: `${mod}+Shift+Z` })}
        aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
        data-testid="redo"
      >
        <Arrow flip />
      </button>
    </div>
  )
}
