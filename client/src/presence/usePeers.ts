import { useEffect, useRef, useState } from 'react'
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

/** The parts of a peer that a roster shows: not the cursor or the viewport, which move all the time. */
export const peerIdentity = (peer: PeerPresence): string =>
  [peer.clientId, peer.user.participantId, peer.user.name, peer.user.role, peer.user.color, peer.view]
    .concat(peer.viewport ? 'canvas-viewport' : [])
    .join('\u0000')

/**
 * Everyone present in the board's room according to awareness, re-read on every real change
 * (awareness 'change' skips the periodic keep-alive renewals). Without `includeSelf`, only others.
 * With `key`, only changes to what `key` reads count: awareness changes whenever anyone (this
 * person included) pans or moves the pointer, up to 20 times a second, and a roster high up in the
 * tree would re-render the whole board view each time.
 */
export function usePeers(
  awareness: Awareness,
  options: { includeSelf?: boolean; key?: (peer: PeerPresence) => string } = {},
): PeerPresence[] {
  const includeSelf = options.includeSelf ?? false
  const latestKey = useRef(options.key)
  latestKey.current = options.key
  const [peers, setPeers] = useState(() => readPeers(awareness, includeSelf))
  useEffect(() => {
    let shown: string | null = null
    const refresh = () => {
      const next = readPeers(awareness, includeSelf)
      const key = latestKey.current
      if (key) {
        const signature = next.map(key).join('\u0001')
        if (signature === shown) return
        shown = signature
      }
      setPeers(next)
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness, includeSelf])
  return peers
}
