import { describe, expect, it } from 'vitest'
import { keyFromPasted } from '../../client/src/community/communityStorage'
import { parseRoute } from '../../client/src/routing'
import { noteFromHash } from '../../client/src/session/lookback/noteLink'

/** The app's small pure pieces of issue 19: the community address, a pasted link, a note link. */
describe('community addresses in the app', () => {
  it('routes /c/<id> to the community page and leaves boards and joins alone', () => {
    expect(parseRoute('/c/abc123')).toEqual({ name: 'community', communityId: 'abc123' })
    expect(parseRoute('/c/abc%2F1/')).toEqual({ name: 'community', communityId: 'abc/1' })
    expect(parseRoute('/b/abc123')).toEqual({ name: 'board', boardId: 'abc123' })
    expect(parseRoute('/c/')).toEqual({ name: 'landing' })
    expect(parseRoute('/c/a/b')).toEqual({ name: 'landing' })
  })

  it('takes the key from a pasted community link or a bare key, and refuses anything else', () => {
    const key = 'Zx8_-kQ3pLm0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u'
    expect(keyFromPasted(`https://oogst.example/c/xyz#key=${key}`)).toBe(key)
    expect(keyFromPasted(`  https://oogst.example/c/xyz#lang=nl&key=${key}  `)).toBe(key)
    expect(keyFromPasted(key)).toBe(key)
    expect(keyFromPasted('https://oogst.example/c/xyz')).toBeNull()
    expect(keyFromPasted('mijn sleutel')).toBeNull()
    expect(keyFromPasted('')).toBeNull()
    expect(keyFromPasted('https://oogst.example/c/xyz#key=%E0%A4%A')).toBeNull()
  })

  it('reads the note a search result links to', () => {
    expect(noteFromHash('#note=n1')).toBe('n1')
    expect(noteFromHash('#token=t&note=n%201')).toBe('n 1')
    expect(noteFromHash('#key=k')).toBeNull()
    expect(noteFromHash('#note=')).toBeNull()
    expect(noteFromHash('')).toBeNull()
  })
})
