import * as Y from 'yjs'

/**
 * The copy of a room's document that server actions edit (RoomManager.change): their change must
 * be stored before anyone sees it, so it is made on a copy and the copy's update is submitted.
 * Copying a 20,000-note board takes 1–1.5 s of the event loop (encode 25 MB, apply it); a
 * hostile participant could trigger one per update (a wrong author, a bad placement). So a large
 * room keeps one copy that follows the room's updates (each costs applying that update once more)
 * and is dropped after a minute without use; small rooms are copied fresh, as before.
 *
 * The copy may run ahead of the room by a change that is still being stored; when storing fails,
 * or the change threw halfway, the copy is dropped and made again on the next use.
 */

/** Rooms smaller than this are copied per change (a few milliseconds). */
const KEEP_FROM_BYTES = 1024 * 1024
const IDLE_MS = 60_000

interface Kept {
  copy: Y.Doc
  timer: NodeJS.Timeout
  stop: () => void
}

const kept = new WeakMap<Y.Doc, Kept>()

function freshCopy(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
  return copy
}

function keep(source: Y.Doc): Kept {
  const known = kept.get(source)
  if (known) {
    known.timer.refresh()
    return known
  }
  const copy = freshCopy(source)
  const follow = (update: Uint8Array) => Y.applyUpdate(copy, update)
  source.on('update', follow)
  const stop = () => {
    source.off('update', follow)
    source.off('destroy', stop)
    clearTimeout(entry.timer)
    copy.destroy()
    kept.delete(source)
  }
  source.on('destroy', stop)
  const entry: Kept = { copy, timer: setTimeout(stop, IDLE_MS), stop }
  entry.timer.unref()
  kept.set(source, entry)
  return entry
}

/** A fresh client id for each change, so two changes never share one client's clock sequence. */
function newClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number
}

/**
 * Runs `change` on a copy of `source` and returns its result and the update it made (null when it
 * changed nothing). Call `failed` when that update is not stored: the kept copy has it and the
 * room does not, so the copy is dropped.
 */
export function changeOnCopy<T>(
  source: Y.Doc,
  storedBytes: number,
  change: (doc: Y.Doc) => T,
): { result: T; update: Uint8Array | null; failed: () => void } {
  const entry = storedBytes >= KEEP_FROM_BYTES ? keep(source) : null
  const copy = entry ? entry.copy : freshCopy(source)
  copy.clientID = newClientId()
  const updates: Uint8Array[] = []
  const capture = (update: Uint8Array) => updates.push(update)
  copy.on('update', capture)
  try {
    const result = change(copy)
    const update =
      updates.length === 0
        ? null
        : updates.length === 1
          ? (updates[0] as Uint8Array)
          : Y.mergeUpdates(updates)
    return { result, update, failed: () => entry?.stop() }
  } catch (error) {
    entry?.stop()
    throw error
  } finally {
    copy.off('update', capture)
    if (!entry) copy.destroy()
  }
}
