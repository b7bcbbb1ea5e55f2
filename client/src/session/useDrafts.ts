import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { listNotes, type NoteData, observeNotes } from '../../../shared/src/model'
import { draftsRoom } from '../../../shared/src/rooms'
import { syncUrl } from './syncUrl'

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
 */
export function useDrafts(
  boardId: string,
  participantId: string,
  token: string,
  open: boolean,
): Drafts | null {
  const [drafts, setDrafts] = useState<Drafts | null>(null)

  useEffect(() => {
    if (!open) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), draftsRoom(boardId, participantId), doc, {
      params: { token },
      disableBc: true,
    })
    provider.awareness.setLocalState(null)
    let synced = false
    const refresh = () => setDrafts({ doc, notes: listNotes(doc), synced })
    provider.on('sync', (value) => {
      synced = value
      refresh()
    })
    const stop = observeNotes(doc, refresh)
    refresh()
    return () => {
      stop()
      provider.destroy()
      doc.destroy()
      setDrafts(null)
    }
  }, [boardId, participantId, token, open])

  return drafts
}
