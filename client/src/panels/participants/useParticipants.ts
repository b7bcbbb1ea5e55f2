import { useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { NoteData } from '../../../../shared/src/model'
import type { PeerPresence } from '../../presence/presenceState'
import { peerIdentity, usePeers } from '../../presence/usePeers'

export interface OnlinePerson {
  participantId: string
  /** One of their connections (a person may have the board open in two tabs). */
  peer: PeerPresence
  isSelf: boolean
}

export interface Participants {
  online: OnlinePerson[]
  /** People who took part but are not online now, by name. */
  earlier: { participantId: string; name: string }[]
  everCount: number
}

/**
 * Who is here now and who took part at all.
 *
 * "Online nu" comes from awareness: everyone connected to the room, one entry per person.
 * "Ooit meegedaan" is deliberately derived, not stored: the distinct authors of the notes on the
 * board plus the people online now. Nothing is added to the content document for it, and awareness
 * history in this tab would only know who was here while this tab was open. So someone who joined
 * but never wrote a note and has left is not counted; that is the honest limit of this number.
 */
export function useParticipants(awareness: Awareness, notes: readonly NoteData[]): Participants {
  const peers = usePeers(awareness, { includeSelf: true, key: peerIdentity })
  return useMemo(() => {
    const selfId = awareness.clientID
    const byPerson = new Map<string, OnlinePerson>()
    for (const peer of peers) {
      const participantId = peer.user.participantId
      const isSelf = peer.clientId === selfId
      const existing = byPerson.get(participantId)
      // Several tabs of one person: keep our own entry, else one that is on the canvas (followable).
      if (!existing || isSelf) byPerson.set(participantId, { participantId, peer, isSelf })
      else if (!existing.isSelf && peer.viewport && !existing.peer.viewport) existing.peer = peer
    }
    const online = [...byPerson.values()].sort(
      (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.peer.user.name.localeCompare(b.peer.user.name),
    )
    const authors = new Map<string, string>()
    for (const note of notes) {
      if (note.authorId && !authors.has(note.authorId)) authors.set(note.authorId, note.authorName)
    }
    const earlier = [...authors]
      .filter(([participantId]) => !byPerson.has(participantId))
      .map(([participantId, name]) => ({ participantId, name }))
      .sort((a, b) => a.name.localeCompare(b.name))
    return { online, earlier, everCount: online.length + earlier.length }
  }, [peers, notes, awareness])
}
