import { describe, expect, it } from 'vitest'
import peopleGroupsEn from '../../client/src/groups/i18n/en.json'
import peopleGroupsNl from '../../client/src/groups/i18n/nl.json'
import mainEn from '../../client/src/i18n/en.json'
import mainNl from '../../client/src/i18n/nl.json'
import exportEn from '../../client/src/panels/export/i18n/en.json'
import exportNl from '../../client/src/panels/export/i18n/nl.json'
import presentEn from '../../client/src/present/i18n/en.json'
import presentNl from '../../client/src/present/i18n/nl.json'
import sessionEn from '../../client/src/session/i18n/en.json'
import sessionNl from '../../client/src/session/i18n/nl.json'
import suggestEn from '../../client/src/suggest/i18n/en.json'
import suggestNl from '../../client/src/suggest/i18n/nl.json'

/**
 * The words of docs/glossary.md stay right: every UI text in Dutch and English is checked for the
 * words the glossary says not to use. A failure names the key, the text and the rule.
 */

type Texts = Map<string, string>

function flatten(value: unknown, prefix: string, out: Texts): Texts {
  if (typeof value === 'string') out.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out)
  }
  return out
}

const texts = (...files: unknown[]): Texts => {
  const out: Texts = new Map()
  for (const file of files) flatten(file, '', out)
  return out
}

const nl = texts(mainNl, sessionNl, exportNl, presentNl, suggestNl, peopleGroupsNl)
const en = texts(mainEn, sessionEn, exportEn, presentEn, suggestEn, peopleGroupsEn)

interface Rule {
  pattern: RegExp
  why: string
  /** Keys whose text may use the word (shown only where it makes sense, see the glossary). */
  allow?: (key: string) => boolean
}

/** Texts only shown with a keyboard: the shortcut sheet, and hints hidden on touch (.key-hint). */
const keyboardOnly = (key: string) => key.startsWith('shortcuts.') || key === 'outline.formHint'

/** Groups of people (issue 18) are "groepjes"; "groep" is a group of notes. Never the one for the other. */
const aboutPeopleGroups = (key: string) => key.startsWith('peopleGroups.')
const notAboutPeopleGroups = (key: string) => !aboutPeopleGroups(key)

const keyRules: Rule[] = [
  {
    pattern: /\bCtrl\b|\bEsc\b|⌘/,
    why: 'a key hint shows on phones too (put it in .key-hint or the shortcut sheet)',
    allow: keyboardOnly,
  },
]

const nlRules: Rule[] = [
  { pattern: /\bvak(ken)?\b/i, why: 'vraag, not vak' },
  { pattern: /sjablo(on|nen)/i, why: 'voorbeeldbord, not sjabloon' },
  { pattern: /\bstem\b/i, why: 'a count is in stippen: "1 stip"' },
  { pattern: /\b(\d+|\{\{count\}\}|meeste|geen|en) stemmen\b/i, why: 'a count is in stippen: "3 stippen"' },
  { pattern: /\bonthul/i, why: 'laten zien, not onthullen' },
  { pattern: /dupliceren/i, why: 'kopie maken' },
  { pattern: /hoogstens/i, why: 'niet meer dan' },
  { pattern: /exporte/i, why: 'downloaden' },
  { pattern: /lijstweergave/i, why: 'de lijst' },
  { pattern: /selecteren met een kader|uitlijnen op raster|ware grootte/i, why: 'jargon, see the glossary' },
  { pattern: /klik/i, why: 'kies (also on a phone), no klik/dubbelklik' },
  { pattern: /\booit\b|eerder meegedaan/i, why: '"Meegedaan" and "Nu niet online"' },
  {
    pattern: /plak een briefje|briefje toevoegen|briefje schrijven|^nieuw briefje$/i,
    why: 'adding a note is "Schrijf een briefje"',
  },
  { pattern: /\boffline\b/i, why: '"Geen verbinding"' },
  {
    pattern: /\bgroep(en)?\b/i,
    why: 'people work in a groepje; a groep is notes',
    allow: notAboutPeopleGroups,
  },
  {
    pattern: /groepje/i,
    why: 'a groepje is people; notes put together are a groep',
    allow: aboutPeopleGroups,
  },
  ...keyRules,
]

const enRules: Rule[] = [
  { pattern: /\bzones?\b|\barea\b/i, why: 'question, not zone or area' },
  { pattern: /\b(\d+|\{\{count\}\}|most|no|and) votes?\b/i, why: 'a count is in dots: "3 dots"' },
  { pattern: /\breveal/i, why: 'show the notes, not reveal' },
  { pattern: /\bduplicate\b/i, why: 'make a copy' },
  { pattern: /\bexport/i, why: 'download' },
  { pattern: /list view/i, why: 'the list' },
  { pattern: /select with a box|snap to grid|actual size/i, why: 'jargon, see the glossary' },
  { pattern: /click/i, why: 'choose (also on a phone), no click/double-click' },
  { pattern: /add a note|^new note$/i, why: 'adding a note is "Write a note"' },
  { pattern: /(?<!small )\bgroups?\b/i, why: 'people work in a small group', allow: notAboutPeopleGroups },
  {
    pattern: /small group/i,
    why: 'a small group is people; notes put together are a group',
    allow: aboutPeopleGroups,
  },
  ...keyRules,
]

function offences(all: Texts, rules: Rule[]): string[] {
  const found: string[] = []
  for (const [key, value] of all) {
    // Placeholders are not words ({{zone}} is a question's title); {{count}} stays for "{{count}} stemmen".
    const text = value.replace(/\{\{(?!count\}\})[^}]*\}\}/g, '…')
    for (const rule of rules) {
      if (rule.pattern.test(text) && !rule.allow?.(key)) found.push(`${key}: "${text}" (${rule.why})`)
    }
  }
  return found
}

describe('glossary (docs/glossary.md)', () => {
  it('reads every text (the files are not empty)', () => {
    expect(nl.size).toBeGreaterThan(300)
    expect(en.size).toBe(nl.size)
  })

  it('Dutch texts use none of the words the glossary rules out', () => {
    expect(offences(nl, nlRules)).toEqual([])
  })

  it('English texts use none of the words the glossary rules out', () => {
    expect(offences(en, enRules)).toEqual([])
  })

  it('adding a note has one name everywhere, with "Briefje" as its short form', () => {
    for (const [all, phrase, short] of [
      [nl, 'Schrijf een briefje', 'Briefje'],
      [en, 'Write a note', 'Note'],
    ] as const) {
      expect(all.get('outline.add')).toBe(phrase)
      expect(all.get('actions.addNote')).toBe(phrase)
      expect(all.get('session.writeDraft')).toBe(phrase)
      expect(all.get('toolbar.addNote')).toBe(short)
      expect(all.get('toolbar.addNoteLong')).toMatch(new RegExp(`^${phrase} `))
      expect(all.get('session.writeDraftHint')).toMatch(new RegExp(`^${phrase} `))
    }
  })

  it('the rules catch what testers found', () => {
    const sample = texts({ a: 'Sleep naar het vak', b: '3 stemmen', c: 'Klik om te kiezen', d: 'Onthullen' })
    expect(offences(sample, nlRules)).toHaveLength(4)
    const keys = texts({ outline: { formHint: 'Ctrl+Enter bewaart' }, session: { x: 'Esc annuleert' } })
    expect(offences(keys, nlRules)).toEqual([`session.x: "Esc annuleert" (${keyRules[0]?.why})`])
    const groups = texts({ peopleGroups: { a: 'Jouw groep' }, cluster: { b: 'Groepje opheffen' } })
    expect(offences(groups, nlRules)).toHaveLength(2)
  })
})
