import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { listNotes, type NoteData, observeNotes } from '../../../shared/src/model'
import { CLOSE_CODES } from '../../../shared/src/protocol'
import { controlRoom, draftsRoom } from '../../../shared/src/rooms'
import { providerOptions } from '../sync/providerOptions'

/** The WebSocket base address of this server (same host, `ws:` or `wss:` like the page). */
export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

export interface ControlDoc {
  doc: Y.Doc
  /** True once the first full sync with the server is done. */
  synced: boolean
}

/**
 * The board's control document (`<boardId>/control`): session script, timer, voting, locks …
 * Everyone reads it; only facilitators write it (the server refuses others' writes). Same token as
 * the content document. Not kept offline: without the server there is no timer to follow.
 * `onRoleChange` runs when the server restarts our sockets (close code 4000), which is also how a
 * changed role takes effect: the board page then asks the server who we are now.
 */
export function useControlDoc(boardId: string, token: string, onRoleChange: () => void): ControlDoc | null {
  const [state, setState] = useState<{ doc: Y.Doc; synced: boolean } | null>(null)
  const [handler] = useState(() => ({ current: onRoleChange }))
  handler.current = onRoleChange

  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), controlRoom(boardId), doc, {
      ...providerOptions(token),
    })
    // Only the facilitators' own edits matter here; awareness lives in the content room.
    provider.awareness.setLocalState(null)
    provider.on('sync', (synced) => setState({ doc, synced }))
    provider.on('connection-close', (event) => {
      if (event?.code === CLOSE_CODES.reconnect) handler.current()
    })
    let retry: number | undefined
    provider.on('closed', () => {
      window.clearTimeout(retry)
      retry = window.setTimeout(() => provider.connect(), 5000)
    })
    setState({ doc, synced: false })
    return () => {
      window.clearTimeout(retry)
      provider.destroy()
      doc.destroy()
      setState(null)
    }
  }, [boardId, token, handler])

  return state
}

export interface Drafts {
  doc: Y.Doc
  /** This person's private notes (same schema as the board's notes). */
  notes: NoteData[]
  synced: boolean
}

/**
 * This participant's drafts room (`<boardId>/drafts/<participantId>`): while a round with private
 * writing runs, new notes go here instead of the board. Only they and the facilitators can open
 * it; the server keeps a count per person in the control document, never the text. The room is
 * open while `open` is true (a private round is on, or they still have drafts waiting).
 *
 * Once input is closed the server refuses drafts writes with 4409 (a keystroke just after the
 * bell, before this tab saw the time run out). The provider then gives up, and this tab would
 * keep showing text that was never saved: so `onRefused` tells the person, and the room opens
 * again with a fresh document, which shows the drafts as the server has them. The drafts are
 * not kept offline, so there is no local copy to drop (unlike the content room).
 */
export function useDrafts(
  boardId: string,
  participantId: string,
  token: string,
  open: boolean,
  onRefused: () => void,
): Drafts | null {
  const [drafts, setDrafts] = useState<Drafts | null>(null)
  const [handler] = useState(() => ({ current: onRefused }))
  handler.current = onRefused
  // Bumped after a refusal: a new document and provider, from the server's state.
  const [generation, setGeneration] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` starts the room afresh
  useEffect(() => {
    if (!open) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), draftsRoom(boardId, participantId), doc, {
      ...providerOptions(token),
    })
    provider.awareness.setLocalState(null)
    let synced = false
    const refresh = () => setDrafts({ doc, notes: listNotes(doc), synced })
    provider.on('sync', (value) => {
      synced = value
      refresh()
    })
    provider.on('closed', (event) => {
      if (event?.code !== CLOSE_CODES.refused) return
      handler.current()
      setGeneration((value) => value + 1)
    })
    const stop = observeNotes(doc, refresh)
    refresh()
    return () => {
      stop()
      provider.destroy()
      doc.destroy()
      setDrafts(null)
    }
  }, [boardId, participantId, token, open, handler, generation])

  return drafts
}
