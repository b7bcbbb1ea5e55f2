import { readStored, writeStored } from '../../storage/safeStorage'
import { type ClipboardPayload, parsePayload } from './clipboardPayload'

/**
 * Copy and paste through the system clipboard (so notes travel between boards, tabs and windows)
 * with a copy in localStorage as fallback: without a secure connection, or when the browser
 * refuses clipboard access, pasting into another board on this device still works.
 */

const STORAGE_KEY = 'oogst.clipboard'

export type PastedContent =
  | { kind: 'items'; payload: ClipboardPayload }
  | { kind: 'text'; text: string }
  | null

export async function writeClipboard(payload: ClipboardPayload, event?: ClipboardEvent): Promise<void> {
  const text = JSON.stringify(payload)
  writeStored(STORAGE_KEY, text)
  // From a copy/cut event: synchronous and without a permission question.
  if (event?.clipboardData) {
    event.clipboardData.setData('text/plain', text)
    return
  }
  try {
    await navigator.clipboard?.writeText(text)
  } catch {
    // Not allowed here (no secure context, no focus): the stored copy still works on this device.
  }
}

function fromText(text: string | null | undefined): PastedContent {
  if (!text?.trim()) return null
  const payload = parsePayload(text)
  return payload ? { kind: 'items', payload } : { kind: 'text', text: text.trim() }
}

function fromStorage(): PastedContent {
  const stored = readStored(STORAGE_KEY)
  const payload = stored ? parsePayload(stored) : null
  return payload ? { kind: 'items', payload } : null
}

/**
 * What to paste: our items, or plain text copied elsewhere (which becomes a note). A paste event
 * carries the clipboard; from a button or the command menu we ask the browser for it.
 */
export async function readClipboard(event?: ClipboardEvent): Promise<PastedContent> {
  if (event?.clipboardData) return fromText(event.clipboardData.getData('text/plain')) ?? fromStorage()
  try {
    const text = await navigator.clipboard?.readText()
    return fromText(text) ?? fromStorage()
  } catch {
    return fromStorage()
  }
}
