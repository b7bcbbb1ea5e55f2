import type { PrivacyKind } from '../types'
import { IBAN_MAX_LENGTH, ibanLength, isValidBsn, isValidIban } from './checksums'
import { normaliseForMatching, originalRange } from './normalise'

/**
 * Personal data that people write on notes without thinking ("bel me: 06 - 12345678") and that
 * must not end up in a report sent round an organisation. The patterns run on normalised text
 * (see normalise.ts) and favour finding too much: a flag is a suggestion the facilitator reviews,
 * while a miss is a leak. Checksums (IBAN mod 97, the BSN 11-proef) keep long digit runs such as
 * order numbers and amounts out.
 */

export interface PersonalDataMatch {
  kind: PrivacyKind
  /** Offsets in the original (not normalised) text. */
  start: number
  end: number
  /** The matched text as it appears in the note. */
  text: string
}

interface Span {
  kind: PrivacyKind
  start: number
  end: number
}

/** Up to three separators between digits: "06 - 12345678", "(020) 123", "0470/12.34.56". */
const SEP = '[ .\\-/()]{0,3}'
/** Not followed by another digit, nor by a time or decimal part ("01-03-25 10:00", "0,50"). */
const DIGITS_END = '(?!\\d|[:.,]\\d)'

const PHONE_PATTERNS: RegExp[] = [
  // Dutch numbers and Belgian mobiles: 0 + 9 digits (06-12345678, 020-1234567, 0470/12.34.56).
  new RegExp(`(?<![\\p{L}\\p{N}+])\\(?0[1-9](?:${SEP}\\d){8}${DIGITS_END}`, 'gu'),
  // Belgian landlines: 0 + 8 digits, written in groups (02 123 45 67, 050/12.34.56).
  new RegExp(
    `(?<![\\p{L}\\p{N}+])\\(?0[1-9](?:[ /.\\-]\\d{3}|\\d[ /.\\-]\\d{2}|\\)[ ]?\\d{3})[ .\\-]\\d{2}[ .\\-]\\d{2}${DIGITS_END}`,
    'gu',
  ),
  // +31 / 0031 / +32 / 0032, with the "(0)" people add: 8 or 9 digits after the country code.
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:\\+|00)[ ]?3[12]${SEP}(?:\\(0\\)${SEP})?[1-9](?:${SEP}\\d){7,8}${DIGITS_END}`,
    'gu',
  ),
  // Any other international number: "+" and a country code, then 7 to 12 digits.
  new RegExp(`(?<![\\p{L}\\p{N}+])\\+[1-9]\\d{0,2}(?:[ .\\-/()]{0,2}\\d){7,12}${DIGITS_END}`, 'gu'),
]

/** "12-03-2025", "1.3.2025": a date at the start of a phone-like match makes it a date. */
const DATE_START = /^\(?(?:0?[1-9]|[12]\d|3[01])[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:19|20)\d\d(?!\d)/

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

const LOCAL = '(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+'
const LABEL = '[\\p{L}\\p{N}-]+'
const OPEN = '[(\\[{<]'
const CLOSE = '[)\\]}>]'
/** "(at)", "[at]", "{@}", "(apenstaartje)", or "@" with spaces around it. */
const AT_MARKED = `\\s*(?:${OPEN}\\s*(?:at|@|apenstaartje)\\s*${CLOSE}|@)\\s*`
/** "(dot)", "[punt]", "(.)", a bare "." or the word "dot"/"punt" between spaces. */
const DOT_ANY = `(?:\\s*${OPEN}\\s*(?:dot|punt|\\.)\\s*${CLOSE}\\s*|\\.|\\s+(?:dot|punt)\\s+)`
/**
 * Top-level domains for the bare word forms ("jan at example dot nl"). "at" is also a Dutch verb
 * ("ik at brood"), so a bare "at" counts only when the address ends in a real domain.
 */
const COMMON_TLDS =
  'nl|be|com|org|net|eu|info|nu|de|fr|uk|io|me|biz|edu|gov|frl|amsterdam|brussels|vlaanderen|online|email|app'

const EMAIL_MARKED = new RegExp(
  `${LOCAL}${AT_MARKED}${LABEL}(?:${DOT_ANY}${LABEL})*${DOT_ANY}\\p{L}{2,}(?![\\p{L}\\p{N}])`,
  'giu',
)
const EMAIL_WORDS = new RegExp(
  `${LOCAL}\\s+(?:at|apenstaartje)\\s+${LABEL}(?:${DOT_ANY}${LABEL})*${DOT_ANY}(?:${COMMON_TLDS})(?![\\p{L}\\p{N}])`,
  'giu',
)

/**
 * Postcode plus house number (1234 AB 5, 1234AB 12a, 1234 AB 7-2): together they point at one
 * home. Letters must be capitals: "in 2024 en 2025" is not an address.
 */
const ADDRESS =
  /(?<![\p{L}\p{N}])[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}[ ]+\d{1,5}(?:[ ]?[a-zA-Z](?![\p{L}\p{N}])|[-/][\p{L}\p{N}]{1,4})?(?![\p{L}\p{N}])/gu

/** A burgerservicenummer as people write it: 123456782, 123 456 782, 1234.56.782, 12.34.56.782. */
const BSN =
  /(?<![\p{L}\p{N}.,])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .-])\d{2}\2\d{3}|\d{2}([ .-])\d{2}\3\d{2}\3\d{3})(?!\d|[.,]\d)/gu
/** An amount is not a BSN: "€ 123.456.789". */
const CURRENCY_BEFORE = /(?:€|\$|£|eur|euro)\s*$/i

/** The start of an IBAN: a country code and two check digits, not inside a word. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}/giu
const ALNUM = /[A-Za-z0-9]/

function spans(
  text: string,
  pattern: RegExp,
  kind: PrivacyKind,
  keep?: (match: string, at: number) => boolean,
) {
  const found: Span[] = []
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    if (keep && !keep(match[0], start)) continue
    found.push({ kind, start, end: start + match[0].length })
  }
  return found
}

/** IBANs are written in groups of four (or not at all): read on while the checksum can still work out. */
function ibanSpans(text: string): Span[] {
  const found: Span[] = []
  for (const match of text.matchAll(IBAN_START)) {
    const start = match.index ?? 0
    let compact = match[0]
    // Offsets just after each character of `compact`, to end the match at a valid length.
    const ends: number[] = [start + 1, start + 2, start + 3, start + 4]
    let at = start + 4
    while (compact.length < IBAN_MAX_LENGTH && at < text.length) {
      const char = text[at] ?? ''
      const next = text[at + 1] ?? ''
      if (ALNUM.test(char)) {
        compact += char
        ends.push(at + 1)
        at++
      } else if ((char === ' ' || char === '-') && ALNUM.test(next)) at++
      else break
    }
    const known = ibanLength(compact.slice(0, 2))
    for (let length = compact.length; length >= 15; length--) {
      if (known !== undefined && length !== known) continue
      const end = ends[length - 1] ?? start
      // The IBAN must end where a word ends, not halfway through one ("…43 00ab").
      if (ALNUM.test(text[end] ?? '')) continue
      if (isValidIban(compact.slice(0, length))) {
        found.push({ kind: 'iban', start, end })
        break
      }
    }
  }
  return found
}

/** Cheap tests that rule whole families out: most notes have no digits and no "@". */
const DIGIT = /\d/
const EMAIL_HINT = /@|(?<![\p{L}])(?:at|apenstaartje)(?![\p{L}])/iu

function detect(text: string): Span[] {
  const found: Span[] = []
  if (DIGIT.test(text)) {
    for (const pattern of PHONE_PATTERNS)
      found.push(...spans(text, pattern, 'phone', (match) => !DATE_START.test(match)))
    found.push(...ibanSpans(text))
    found.push(
      ...spans(
        text,
        BSN,
        'bsn',
        (match, at) =>
          isValidBsn(match.replace(/\D/g, '')) && !CURRENCY_BEFORE.test(text.slice(Math.max(0, at - 6), at)),
      ),
    )
    found.push(...spans(text, ADDRESS, 'address'))
  }
  if (EMAIL_HINT.test(text)) {
    found.push(
      ...spans(text, EMAIL, 'email'),
      ...spans(text, EMAIL_MARKED, 'email'),
      ...spans(text, EMAIL_WORDS, 'email'),
    )
  }
  return found
}

/** Every match in `text`, in order; where two overlap, the earlier (then the longer) wins. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const normalised = normaliseForMatching(text)
  const found = detect(normalised.text)
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PersonalDataMatch[] = []
  let lastEnd = -1
  for (const span of found) {
    if (span.start < lastEnd) continue
    lastEnd = span.end
    const [start, end] = originalRange(normalised, span.start, span.end)
    kept.push({ kind: span.kind, start, end, text: text.slice(start, end) })
  }
  return kept
}
