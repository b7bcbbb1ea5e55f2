import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isRedundant } from '../../server/src/sync/updateChecks'

/**
 * isRedundant decides which client updates are not stored at all (a reconnecting client's sync
 * step 2 repeats the whole delete set): it must say "redundant" only when nothing would change.
 */

const decode = (update: Uint8Array) => Y.decodeUpdate(update)

/** A server document and a client that shares its history, with a text of ten characters. */
function boardWithText() {
  const server = new Y.Doc()
  const client = new Y.Doc()
  client.getText('t').insert(0, 'abcdefghij')
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
  return { server, client }
}

describe('isRedundant', () => {
  it('a repeated state with deletions the server already has is redundant', () => {
    const { server, client } = boardWithText()
    client.getText('t').delete(2, 3)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    // The reconnecting client's sync step 2: everything the server has, deletions included.
    expect(isRedundant(decode(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))), server)).toBe(true)
    expect(isRedundant(decode(Y.encodeStateAsUpdate(client)), server)).toBe(true)
  })

  it('a deletion the server does not have is not redundant, also inside a range it partly has', () => {
    const { server, client } = boardWithText()
    client.getText('t').delete(2, 3)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    const vector = Y.encodeStateVector(client)
    // Deletes c..g: c, d, e are deleted on the server already, f and g are not.
    client.getText('t').delete(2, 2)
    const update = Y.encodeStateAsUpdate(client, vector)
    expect(isRedundant(decode(update), server)).toBe(false)
    Y.applyUpdate(server, update)
    expect(isRedundant(decode(update), server)).toBe(true)
  })

  it('new content, or a deletion of items the server never saw, is not redundant', () => {
    const { server, client } = boardWithText()
    const vector = Y.encodeStateVector(client)
    client.getText('t').insert(10, 'k')
    expect(isRedundant(decode(Y.encodeStateAsUpdate(client, vector)), server)).toBe(false)
    const other = new Y.Doc()
    other.getText('t').insert(0, 'xyz')
    other.getText('t').delete(0, 3)
    // Only the delete set of items the server does not have (a client that lost its history).
    const onlyDeletes = Y.encodeStateAsUpdate(other, Y.encodeStateVector(other))
    expect(decode(onlyDeletes).ds.clients.size).toBe(1)
    expect(isRedundant(decode(onlyDeletes), server)).toBe(false)
  })
})
