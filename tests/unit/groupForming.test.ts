import { describe, expect, it } from 'vitest'
import {
  balancedSizes,
  formGroups,
  moveMember,
  placeLateJoiner,
  removeMember,
} from '../../shared/src/groups/forming'

const people = (count: number) => Array.from({ length: count }, (_, index) => `p${index + 1}`)
const sizes = (groups: string[][]) => groups.map((group) => group.length).sort((a, b) => b - a)

describe('balanced group sizes', () => {
  it('puts 13 people in pairs as 5 pairs and 1 trio, never someone alone', () => {
    expect(balancedSizes(13, 2)).toEqual([3, 2, 2, 2, 2, 2])
  })

  it.each([
    [13, 4, [5, 4, 4]],
    [13, 3, [4, 3, 3, 3]],
    [7, 4, [4, 3]],
    [6, 4, [3, 3]],
    [5, 4, [5]],
    [3, 2, [3]],
    [2, 4, [2]],
    [1, 2, [1]],
    [4, 1, [1, 1, 1, 1]],
    [0, 2, []],
  ])('%i people in groups of %i: %j', (count, size, expected) => {
    expect(balancedSizes(count, size)).toEqual(expected)
  })

  it('keeps every size within one of the target for 2 to 40 people', () => {
    for (let count = 2; count <= 40; count++) {
      for (const size of [2, 3, 4]) {
        const result = balancedSizes(count, size)
        expect(result.reduce((sum, value) => sum + value, 0)).toBe(count)
        if (count >= size) for (const value of result) expect(Math.abs(value - size)).toBeLessThanOrEqual(1)
        expect(result).not.toContain(count > 1 ? 1 : 0)
      }
    }
  })
})

describe('forming groups', () => {
  it('places everyone exactly once', () => {
    const groups = formGroups(people(13), 2, { seed: 'round-1' })
    expect(groups.flat().sort()).toEqual(people(13).sort())
    expect(sizes(groups)).toEqual([3, 2, 2, 2, 2, 2])
  })

  it('gives the same groups for the same seed and people, other groups for another seed', () => {
    expect(formGroups(people(13), 2, { seed: 'a' })).toEqual(formGroups(people(13), 2, { seed: 'a' }))
    expect(formGroups(people(13), 2, { seed: 'a' })).not.toEqual(formGroups(people(13), 2, { seed: 'b' }))
  })

  it('forms fours from pairs: every pair stays together', () => {
    const pairs = formGroups(people(13), 2, { seed: 'pairs' })
    const fours = formGroups(people(13), 4, { seed: 'fours', previous: pairs })
    expect(sizes(fours)).toEqual([5, 4, 4])
    for (const pair of pairs) {
      expect(fours.filter((four) => pair.some((id) => four.includes(id)))).toHaveLength(1)
    }
  })

  it('forms fours from pairs when someone left and someone new came', () => {
    const pairs = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]
    const present = ['a', 'b', 'c', 'd', 'e', 'g', 'h', 'new']
    const fours = formGroups(present, 4, { seed: 's', previous: pairs })
    expect(fours.flat().sort()).toEqual([...present].sort())
    expect(sizes(fours)).toEqual([4, 4])
    for (const pair of [
      ['a', 'b'],
      ['c', 'd'],
      ['g', 'h'],
    ]) {
      expect(fours.some((four) => pair.every((id) => four.includes(id)))).toBe(true)
    }
  })

  it('does not keep previous groups that are as big as the new ones (fours into pairs)', () => {
    const fours = [people(4), people(8).slice(4)]
    const pairs = formGroups(people(8), 2, { seed: 'x', previous: fours })
    expect(sizes(pairs)).toEqual([2, 2, 2, 2])
  })

  it('ignores the same person listed twice', () => {
    expect(formGroups(['a', 'a', 'b'], 2).flat().sort()).toEqual(['a', 'b'])
  })
})

describe('joins and leaves during a step', () => {
  const pairs = [
    ['a', 'b'],
    ['c', 'd'],
    ['e', 'f', 'g'],
  ]

  it('keeps a person who comes back in their group', () => {
    expect(placeLateJoiner(pairs, 'c', 2)).toBe(pairs)
  })

  it('places a late joiner in the smallest group', () => {
    expect(placeLateJoiner(pairs, 'h', 2)).toEqual([
      ['a', 'b', 'h'],
      ['c', 'd'],
      ['e', 'f', 'g'],
    ])
  })

  it('gives a late joiner in an alone step their own group', () => {
    expect(placeLateJoiner([['a'], ['b']], 'c', 1)).toEqual([['a'], ['b'], ['c']])
  })

  it('opens a new group when every group is already one over size', () => {
    expect(placeLateJoiner([['a', 'b', 'c']], 'd', 2)).toEqual([['a', 'b', 'c'], ['d']])
  })

  it('does not leave someone alone when their partner leaves', () => {
    expect(removeMember(pairs, 'a', 2)).toEqual([
      ['c', 'd', 'b'],
      ['e', 'f', 'g'],
    ])
  })

  it('keeps a trio that lost one as a pair', () => {
    expect(removeMember(pairs, 'g', 2)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ])
  })

  it('removes an empty group', () => {
    expect(removeMember([['a'], ['b']], 'a', 1)).toEqual([['b']])
  })

  it('moves a person to another group or to a new one, dropping a group left empty', () => {
    expect(moveMember(pairs, 'a', 1)).toEqual([['b'], ['c', 'd', 'a'], ['e', 'f', 'g']])
    expect(moveMember([['a'], ['b']], 'a', 1)).toEqual([['b', 'a']])
    expect(moveMember(pairs, 'g', 3)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g']])
    expect(moveMember(pairs, 'g', 7)).toBe(pairs)
  })
})
