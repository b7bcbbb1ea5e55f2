import * as Y from 'yjs'

/**
 * One client's document and its edits as a room receives them: `take()` returns what changed since
 * the last call as one small Yjs update (what a provider would send), for tests that feed a Room
 * directly without sockets.
 */
export function localEditor() {
  const doc = new Y.Doc()
  let vector = Y.encodeStateVector(doc)
  return {
    doc,
    take(): Uint8Array {
      const update = Y.encodeStateAsUpdate(doc, vector)
      vector = Y.encodeStateVector(doc)
      return update
    },
  }
}
