import http from 'node:http'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import { announce, roomOf } from './common'

/**
 * The physical limit: a plain `ws` server that rebroadcasts every frame, byte for byte, to the
 * other sockets of the same room. It keeps no document, checks nothing and stores nothing, so a
 * real sync server can only be slower; it is the denominator for "how close to the wire are we".
 */
const rooms = new Map<string, Set<WebSocket>>()
const server = http.createServer((_request, response) => {
  response.writeHead(404).end()
})
const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 })

server.on('upgrade', (request, socket, head) => {
  const room = roomOf(request.url)
  wss.handleUpgrade(request, socket, head, (ws) => join(ws, room))
})

function join(ws: WebSocket, room: string): void {
  let peers = rooms.get(room)
  if (!peers) {
    peers = new Set()
    rooms.set(room, peers)
  }
  const members = peers
  members.add(ws)
  ws.on('message', (data: RawData, isBinary: boolean) => {
    for (const peer of members) {
      if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary })
    }
  })
  ws.on('close', () => {
    members.delete(ws)
    if (members.size === 0 && rooms.get(room) === members) rooms.delete(room)
  })
  ws.on('error', () => ws.terminate())
}

announce(server, 'relay')
