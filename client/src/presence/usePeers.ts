import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type PeerPresence, readPeer } from './presenceState'

function readPeers(awareness: Awareness, includeSelf: boolean): PeerPresence[] {
  const peers: PeerPresence[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (!includeSelf && clientId === awareness.clientID) return
    const peer = readPeer(clientId, state)
    if (peer) peers.push(peer)
  })
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId)
}

/**
 * Everyone present in the board's room according to awareness, re-read on every real change
 * (awareness 'change' skips the periodic keep-alive renewals). Without `includeSelf`, only others.
 */
export function usePeers(awareness: Awareness, options: { includeSelf?: boolean } = {}): PeerPresence[] {
  const includeSelf = options.includeSelf ?? false
  const [peers, setPeers] = useState(() => readPeers(awareness, includeSelf))
  useEffect(() => {
    const refresh = () => setPeers(readPeers(awareness, includeSelf))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness, includeSelf])
  return peers
}
