/**
 * Text as the personal-data patterns see it. People (and phones, and word processors) write the
 * same number in many ways: full-width digits from a Japanese keyboard, a non-breaking hyphen that
 * Word inserts, a narrow no-break space between digit groups, a zero-width space pasted from a
 * web page. Matching on the raw text would miss all of those, so matching runs on a normalised
 * copy, and every position in the copy maps back to the original so redaction replaces exactly
 * the characters the reader sees.
 */

/** Every dash-like character (hyphens, non-breaking hyphen, figure/en/em dash, minus signs). */
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/u
/** Space separators (no-break, narrow, thin, figure, ideographic …) and tabs become a plain space. */
const SPACES = /[\p{Zs}\t]/u
/** Invisible characters that only hide a match: zero-width space/joiners, word joiner, soft hyphen, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u

export interface NormalisedText {
  text: string
  /**
   * `toOriginal[i]` is the offset in the original text of the normalised text's offset `i`; null
   * when nothing changed (plain ASCII, the usual note), so offsets are the same.
   */
  toOriginal: number[] | null
}

function normaliseCodePoint(char: string): string {
  if (INVISIBLE.test(char)) return ''
  if (SPACES.test(char)) return ' '
  const compatible = char.normalize('NFKC')
  if (DASHES.test(compatible)) return '-'
  return compatible
}

/**
 * NFKC per code point (full-width "０６" → "06", "＠" → "@"), unicode dashes → "-", unicode spaces
 * → " ", invisible characters dropped. Per code point rather than over the whole string so that
 * offsets map back one to one; combining sequences matter for letters, not for the digits,
 * separators and "@" the patterns look for.
 */
/** Anything other than printable ASCII and line breaks may need normalising. */
const NEEDS_WORK = /[^\n\r\x20-\x7E]/

export function normaliseForMatching(text: string): NormalisedText {
  if (!NEEDS_WORK.test(text)) return { text, toOriginal: null }
  let out = ''
  const toOriginal: number[] = []
  let offset = 0
  for (const char of text) {
    const code = char.charCodeAt(0)
    // Printable ASCII and line breaks stay as they are: the common case, kept cheap.
    const replacement = code < 0x80 && code !== 0x09 ? char : normaliseCodePoint(char)
    for (let i = 0; i < replacement.length; i++) toOriginal.push(offset)
    out += replacement
    offset += char.length
  }
  toOriginal.push(offset)
  return { text: out, toOriginal }
}

/** The original [start, end) of the normalised range [start, end). */
export function originalRange(normalised: NormalisedText, start: number, end: number): [number, number] {
  if (!normalised.toOriginal) return [start, end]
  const from = normalised.toOriginal[start] ?? 0
  // The end maps to the end of the last normalised character's original code point.
  const last = normalised.toOriginal[end - 1] ?? from
  let to = normalised.toOriginal[end] ?? last + 1
  if (to <= last) to = last + 1
  return [from, to]
}
