import snowball from 'snowball-stemmers'
import { nld } from 'stopword'

/**
 * The text side of grouping suggestions (issue 20): a note's text becomes Dutch word stems and
 * character n-grams. Everything here is pure and local: no model, no network.
 */

const dutch = snowball.newStemmer('dutch')

/**
 * Words that say nothing about a note's subject on these boards: the library's Dutch list plus
 * the filler of sticky notes ("gewoon", "echt", "ipv", "do's & don'ts").
 */
const BOARD_FILLER = [
  'aub',
  'ipv',
  'bijv',
  'bv',
  'evt',
  'gewoon',
  'echt',
  'heel',
  'erg',
  'even',
  'eerst',
  'elkaar',
  'ook',
  'nog',
  'wel',
  'niet',
  'geen',
  'meer',
  'minder',
  'veel',
  'te',
  'we',
  'wij',
  'jij',
  'jullie',
  'je',
  'jouw',
  'ze',
  'zij',
  'hun',
  'onze',
  'ons',
  'mensen',
  'iemand',
  'iets',
  'alles',
  'altijd',
  'do',
  'dont',
  'don',
  'ts',
  's',
  'x',
  'keer',
  'samen',
  'goed',
  'beter',
  'zelf',
  'wat',
  'wie',
  'waar',
  'hoe',
  'per',
  'via',
  'zonder',
  'tussen',
  'alle',
  'elke',
  'eens',
  'vaker',
  'zoals',
]
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set([...nld, ...BOARD_FILLER].map(fold))

/** Lower case, compatibility forms folded (NFKC: ligatures, full-width letters), accents dropped. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

/**
 * A note's text as plain lower-case words: emoji, punctuation and symbols become spaces;
 * apostrophes inside a word go ("don'ts" → "donts", "collega's" → "collegas"), so a word is
 * written one way however it was typed.
 */
export function normaliseText(text: string): string {
  return splitWords(fold(text)).join(' ')
}

function splitWords(text: string): string[] {
  return text
    .replace(/(\p{L})['’`](\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
}

function isContentWord(word: string): boolean {
  return word.length > 1 && !DUTCH_STOP_WORDS.has(word) && !/^\d+$/.test(word)
}

/** Words of a note without stop words and one-letter leftovers. */
export function contentWords(text: string): string[] {
  return normaliseText(text).split(' ').filter(isContentWord)
}

/**
 * The content words as written (lower case, accents kept: "casuïstiek"), for names people read;
 * the folded form where the two do not line up.
 */
function displayWords(text: string): string[] {
  const folded = normaliseText(text).split(' ')
  const written = splitWords(text.normalize('NFKC').toLowerCase().normalize('NFC'))
  const words = written.length === folded.length ? written : folded
  return words.filter((_, i) => isContentWord(folded[i] ?? ''))
}

/** Dutch Snowball stem ("bewoners" → "bewoner", "gelijkwaardigheid" → "gelijkwaard"). */
export function stemDutch(word: string): string {
  return dutch.stem(word)
}

/**
 * Character n-grams of each word, with word boundaries marked, so a typo changes only a few of
 * them: "vertouwen" and "vertrouwen" share most of their trigrams, and so do compounds
 * ("buurthuis", "buurt").
 */
export function charGrams(words: readonly string[], n = 3): string[] {
  const grams: string[] = []
  for (const word of words) {
    const padded = `<${word}>`
    if (padded.length <= n) grams.push(padded)
    else for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n))
  }
  return grams
}

export interface AnalysedText {
  /** Stems of the content words, in order, repeats kept (term frequency). */
  stems: string[]
  /** stem → the words it came from, as written (lower case), for readable group names. */
  surfaces: Map<string, string[]>
  grams: string[]
}

export function analyseText(text: string): AnalysedText {
  const words = contentWords(text)
  const written = displayWords(text)
  const stems: string[] = []
  const surfaces = new Map<string, string[]>()
  words.forEach((word, i) => {
    const stem = stemDutch(word)
    stems.push(stem)
    const shown = written[i] ?? word
    const seen = surfaces.get(stem)
    if (seen) seen.push(shown)
    else surfaces.set(stem, [shown])
  })
  return { stems, surfaces, grams: charGrams(words) }
}
