// Adds one sticky note to an Oogst board, using nothing but `yjs`, `y-websocket` and `ws`.
//
//   node docs/examples/add-note.mjs <server-url> <board-id> <facilitator-key> "Note text"
//
// The note appears at once in every browser that has the board open.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const [serverUrl, boardId, facilitatorKey, text] = process.argv.slice(2)
if (!serverUrl || !boardId || !facilitatorKey || !text) {
  console.error('usage: add-note.mjs <server-url> <board-id> <facilitator-key> "Note text"')
  process.exit(2)
}

// 1. Exchange the facilitator key for a token (a participant would use POST /api/join instead).
const response = await fetch(`${serverUrl}/api/boards/${boardId}/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorKey}` },
  body: JSON.stringify({ role: 'participant', name: 'Script' }),
})
if (!response.ok) {
  console.error('token request failed:', response.status, await response.text())
  process.exit(1)
}
const { token } = await response.json()

// 2. Connect to the board's content document with the stock y-websocket client. The token goes in
//    the WebSocket subprotocol header (not in the address, where proxies would log it).
const protocols = ['oogst', `oogst.token.${token}`]
const doc = new Y.Doc()
const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
  protocols,
  WebSocketPolyfill: WebSocket,
  disableBc: true,
})
await new Promise((resolve) => provider.once('sync', resolve))

// 3. Add the note: a Y.Map in the root map "notes", keyed by a new id.
const id = `script-${Date.now().toString(36)}`
const note = new Y.Map()
const noteText = new Y.Text()
noteText.insert(0, text)
doc.transact(() => {
  note.set('text', noteText)
  note.set('x', 100)
  note.set('y', 100)
  note.set('width', 180)
  note.set('height', 180)
  note.set('color', 'yellow')
  note.set('zoneId', null)
  note.set('authorId', 'script')
  note.set('authorName', 'Script')
  note.set('createdAt', Date.now())
  doc.getMap('notes').set(id, note)
})

// 4. Confirm: a second, fresh connection must receive the note from the server. The server only
//    shares what it has stored, so once it comes back it is on disk.
const check = new Y.Doc()
const checker = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, check, {
  protocols,
  WebSocketPolyfill: WebSocket,
  disableBc: true,
})
const deadline = Date.now() + 10_000
while (!check.getMap('notes').has(id)) {
  if (Date.now() > deadline) {
    console.error('the note did not come back from the server')
    process.exit(1)
  }
  await new Promise((resolve) => setTimeout(resolve, 20))
}
console.log(id)
checker.destroy()
provider.destroy()
process.exit(0)
