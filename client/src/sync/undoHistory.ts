import type * as Y from 'yjs'

/**
 * A step of this person's history that is not a document edit: a vote goes to the server, not into
 * the content document, so the Y.UndoManager never sees it. Without it here, Ctrl+Z right after
 * voting skipped the vote and silently removed the note written before it.
 */
export interface ExternalStep {
  /** What is said after undoing or redoing it ("je stip op …"). */
  label: string
  undo(): void
  redo(): void
}

/** What an undo or redo did, for the announcement; null when there was nothing to do. */
export interface HistoryOutcome {
  /** The external step's label; undefined for a document edit. */
  label?: string
}

/** An external step and how many document steps were on the stack under it when it was taken. */
interface Placed {
  step: ExternalStep
  depth: number
}

/**
 * One history over the document's UndoManager and external steps, in the order they were taken.
 * The external steps are kept beside the manager's stacks with the stack depth at which they sit:
 * one whose depth is at least the manager's stack length is on top. This keeps the manager's own
 * behaviour (capture timeout, skipping items others already removed) untouched.
 */
export class UndoHistory {
  private undoSteps: Placed[] = []
  private redoSteps: Placed[] = []
  private readonly listeners = new Set<() => void>()
  private readonly notify = () => {
    for (const listener of this.listeners) listener()
  }
  private readonly onCleared = (event: { redoStackCleared: boolean; undoStackCleared: boolean }) => {
    // A new document edit clears the manager's redo stack: a vote undone before it is not redone.
    if (event.redoStackCleared) this.redoSteps = []
    if (event.undoStackCleared) this.undoSteps = []
    this.notify()
  }

  constructor(readonly manager: Y.UndoManager) {
    manager.on('stack-item-added', this.notify)
    manager.on('stack-item-popped', this.notify)
    manager.on('stack-cleared', this.onCleared)
  }

  destroy(): void {
    this.manager.off('stack-item-added', this.notify)
    this.manager.off('stack-item-popped', this.notify)
    this.manager.off('stack-cleared', this.onCleared)
    this.listeners.clear()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Records an external step that already happened; like any new step it ends redo. */
  push(step: ExternalStep): void {
    // The next document edit must become a step of its own, above this one.
    this.manager.stopCapturing()
    this.manager.clear(false, true)
    this.redoSteps = []
    this.undoSteps.push({ step, depth: this.manager.undoStack.length })
    this.notify()
  }

  canUndo(): boolean {
    return this.undoSteps.length > 0 || this.manager.canUndo()
  }

  canRedo(): boolean {
    return this.redoSteps.length > 0 || this.manager.canRedo()
  }

  undo(): HistoryOutcome | null {
    const top = this.undoSteps.at(-1)
    if (top && top.depth >= this.manager.undoStack.length) {
      this.undoSteps.pop()
      top.step.undo()
      this.redoSteps.push({ step: top.step, depth: this.manager.redoStack.length })
      this.notify()
      return { label: top.step.label }
    }
    return this.manager.undo() ? {} : null
  }

  redo(): HistoryOutcome | null {
    const top = this.redoSteps.at(-1)
    if (top && top.depth >= this.manager.redoStack.length) {
      this.redoSteps.pop()
      top.step.redo()
      this.undoSteps.push({ step: top.step, depth: this.manager.undoStack.length })
      this.notify()
      return { label: top.step.label }
    }
    return this.manager.redo() ? {} : null
  }
}

/** The history of each document, so the session can record a vote without a prop chain. */
const histories = new WeakMap<Y.Doc, UndoHistory>()

export function registerHistory(doc: Y.Doc, history: UndoHistory): () => void {
  histories.set(doc, history)
  return () => {
    if (histories.get(doc) === history) histories.delete(doc)
  }
}

/** Puts an external step (a vote) on this person's history of `doc`, when undo is running. */
export function recordExternalStep(doc: Y.Doc, step: ExternalStep): void {
  histories.get(doc)?.push(step)
}
