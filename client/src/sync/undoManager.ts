import * as Y from 'yjs'
import { clustersRoot, notesRoot, zonesRoot } from '../../../shared/src/model'
import { LOCAL_ORIGIN } from './localOrigin'

/** Edits within this time form one undo step (typing a sentence, not every letter). */
export const CAPTURE_TIMEOUT_MS = 600

/**
 * Per-person undo: over the notes, zones and clusters, tracking only transactions with this tab's
 * LOCAL_ORIGIN. Remote edits (provider origin) and the offline copy loading (IndexedDB origin) are
 * never on the stack, so undo never reverts someone else's work; Yjs also leaves their later
 * changes in place when it reverts ours.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([notesRoot(doc), zonesRoot(doc), clustersRoot(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: CAPTURE_TIMEOUT_MS,
  })
}
