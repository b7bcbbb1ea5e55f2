import { privacyFilenameParts } from './privacy'
import type { ReportFormat, ReportModel } from './types'

/**
 * Text hygiene shared by all formats. Notes are typed (or pasted, or scripted) by anyone, so they
 * may hold characters that break a file format rather than just look odd.
 */

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF) and lone
 * surrogate halves. One of them in a DOCX or SVG makes Word or the renderer refuse the whole file,
 * so they are dropped (lone surrogates become U+FFFD) before any format sees the text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Explicit embeddings and overrides (LRE, RLE, PDF, LRO, RLO) display text in another order than
 * it is stored ("dreekegmo" for "omgekeerd"): no one needs them on a sticky note, and they can
 * disguise text. Letters in Hebrew or Arabic need no controls; the bidi algorithm orders them.
 */
const BIDI_OVERRIDES = /[\u202A-\u202E]/g

export function cleanText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_OVERRIDES, '')
    .replace(/\r\n?/g, '\n')
}

/**
 * Invisible direction controls (LRM, RLM, embeddings, overrides, isolates). Formats without a
 * bidi algorithm (PDF, SVG/PNG) would draw them as boxes, and an unterminated override could flip
 * the text that follows; they carry no visible content, so those formats leave them out.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/**
 * Text as the picture and the PDF draw it: without direction controls, and without skin-tone
 * modifiers, which the bundled monochrome emoji font cannot combine (the whole emoji would turn
 * into empty boxes; without the modifier it is drawn as the plain emoji), without zero-width
 * joiners (resvg draws a joined family as boxes; unjoined it shows the three people), and with
 * tabs as spaces.
 */
export function textForDrawing(text: string): string {
  return withoutBidiControls(text)
    .replace(/[\u{1F3FB}-\u{1F3FF}\u200D]/gu, '')
    .replace(/\t/g, ' ')
}

/** "Buurtavond Zuidoost: wat nu?" → "buurtavond-zuidoost-wat-nu" (ASCII, for file names). */
export function slugify(text: string, fallback = 'bord'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return slug || fallback
}

/** "2025-03-12" in the report's time zone. */
export function isoDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms)
}

/**
 * "oogst-buurtavond-zuidoost-2025-03-12.docx" (also for English boards: Oogst is the product's
 * name); a one-zone report adds the zone's name before the date, a redacted one
 * "zonder-privegegevens".
 */
export function reportFilename(model: ReportModel, format: ReportFormat): string {
  const zone = model.zoneFilter ? model.zones.find((z) => z.id === model.zoneFilter) : undefined
  const parts = [
    'oogst',
    slugify(model.title),
    ...(zone ? [slugify(zone.title, 'vak')] : []),
    ...privacyFilenameParts(model),
  ]
  return `${parts.join('-')}-${isoDate(model.sessionDate, model.timeZone)}.${format}`
}

/** Non-empty text, or the placeholder the report shows for an empty note. */
export function noteTextOr(text: string, placeholder: string): string {
  return text.trim().length > 0 ? text : placeholder
}
