import { describe, expect, it } from 'vitest'
import communityEn from '../../client/src/community/i18n/en.json'
import communityNl from '../../client/src/community/i18n/nl.json'
import lookbackEn from '../../client/src/session/lookback/i18n/en.json'
import lookbackNl from '../../client/src/session/lookback/i18n/nl.json'

/** The community page and the Terugblik speak Dutch and English alike: no key only in one. */

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
}

describe('community and Terugblik texts', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keys(communityEn).sort()).toEqual(keys(communityNl).sort())
    expect(keys(lookbackEn).sort()).toEqual(keys(lookbackNl).sort())
    expect(keys(communityNl).length).toBeGreaterThan(80)
  })

  it('name the four statuses in plain words', () => {
    expect(lookbackNl.lookback.status).toEqual({
      open: 'nog open',
      done: 'gedaan',
      ongoing: 'loopt',
      failed: 'niet gelukt',
    })
  })

  it('use none of the words the glossary rules out (vak, groep for people, area, click)', () => {
    const nl = JSON.stringify([communityNl, lookbackNl])
    const en = JSON.stringify([communityEn, lookbackEn])
    expect(nl).not.toMatch(/\bvak(ken)?\b|\bgroep(en)?\b|klik|hoogstens|exporte|sjablo/i)
    expect(en).not.toMatch(/\bzones?\b|\barea\b|click|\bexport|\bgroups?\b/i)
  })
})
