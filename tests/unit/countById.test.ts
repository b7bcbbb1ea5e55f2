import { describe, expect, it } from 'vitest'
import { countById } from '../../shared/src/model/countById'

describe('dot counts by note id in the app', () => {
  it('reads own counts only: note ids named like object members count 0, not a function', () => {
    // What the app gets from the server's JSON and the control document.
    const mine = JSON.parse('{"n1": 2, "constructor": 1}') as Record<string, number>
    expect(countById(mine, 'n1')).toBe(2)
    expect(countById(mine, 'constructor')).toBe(1)
    for (const id of ['toString', '__proto__', 'hasOwnProperty', 'valueOf', 'missing']) {
      expect(countById(mine, id)).toBe(0)
    }
    expect(countById(null, 'n1')).toBe(0)
    expect(countById({ odd: Number.NaN }, 'odd')).toBe(0)
  })
})
