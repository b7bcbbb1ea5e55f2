import type { ZoneData } from '../model/zones'
import type { AgreementItem } from './types'

/**
 * The "Afspraken" (agreements) zone: what the group decided to do, who does it and by when.
 * People write those notes in many ways; labelled parts ("Wie: Fatima; Wat: flyer; Wanneer: 1
 * april") are split into columns, anything else stays whole in "what", so nothing is lost.
 */

const AGREEMENT_TITLE = /afspraken|agreements|actiepunten|action points/i

export function isAgreementsZone(zone: ZoneData): boolean {
  return AGREEMENT_TITLE.test(zone.title)
}

type Field = 'who' | 'what' | 'when'

const FIELD_WORDS: Record<string, Field> = {
  wie: 'who',
  door: 'who',
  who: 'who',
  owner: 'who',
  wat: 'what',
  actie: 'what',
  what: 'what',
  action: 'what',
  wanneer: 'when',
  deadline: 'when',
  datum: 'when',
  when: 'when',
  date: 'when',
}

const LABELLED = new RegExp(`^\\s*(${Object.keys(FIELD_WORDS).join('|')})\\s*[:=]\\s*(.*)$`, 'is')

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|' +
  'january|february|march|may|june|july|august|october'
/** A date-like phrase to fill "when" for unlabelled notes: 1 april, 15-03(-2025), week 12. */
const DATE_HINT = new RegExp(
  `(?:voor|uiterlijk|op|by|before|on)?\\s*(?:\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?|\\b\\d{1,2}[-/.]\\d{1,2}(?:[-/.]\\d{2,4})?\\b|\\b(?:week|wk)\\s*\\d{1,2}\\b)`,
  'iu',
)

export function parseAgreement(noteId: string, text: string): AgreementItem {
  const parts: Record<Field, string[]> = { who: [], what: [], when: [] }
  let labelled = false
  for (const segment of text.split(/[\n;|]/)) {
    if (segment.trim() === '') continue
    const match = segment.match(LABELLED)
    const field = match?.[1] ? FIELD_WORDS[match[1].toLowerCase()] : undefined
    if (match && field) {
      labelled = true
      parts[field].push((match[2] ?? '').trim())
    } else {
      parts.what.push(segment.trim())
    }
  }
  if (!labelled) {
    // Keep the whole text (with its line breaks) as "what"; a date in it is shown as "when" too.
    return { noteId, who: '', what: text, when: text.match(DATE_HINT)?.[0]?.trim() ?? '' }
  }
  return {
    noteId,
    who: parts.who.join('; '),
    what: parts.what.join('; '),
    when: parts.when.join('; '),
  }
}
