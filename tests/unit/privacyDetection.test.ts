import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildReport, buildSampleBoard, reportFilename } from '../../shared/src/report'
import {
  findPersonalData,
  isValidBsn,
  isValidIban,
  normaliseForMatching,
  redactText,
} from '../../shared/src/report/privacy'

/**
 * What the report flags as personal data (and what it must leave alone). Each row: the text on a
 * note and the matches, as "kind:text". A miss is a leak in a report sent round an organisation;
 * a false alarm makes facilitators stop reading the warnings, so both directions are tested.
 */
const FOUND: [string, string[]][] = [
  // Dutch phone numbers in the ways people write them.
  ['bel 06-12345678', ['phone:06-12345678']],
  ['bel 06 - 12345678 even', ['phone:06 - 12345678']],
  ['0612345678', ['phone:0612345678']],
  ['06 1234 5678', ['phone:06 1234 5678']],
  ['Tel 06 12 34 56 78', ['phone:06 12 34 56 78']],
  ['06-12-34-56-78', ['phone:06-12-34-56-78']],
  ['06.12.34.56.78', ['phone:06.12.34.56.78']],
  ['(020) 123 4567', ['phone:(020) 123 4567']],
  ['020-1234567', ['phone:020-1234567']],
  ['0347 123456', ['phone:0347 123456']],
  ['+31 6 1234 5678', ['phone:+31 6 1234 5678']],
  ['+31612345678', ['phone:+31612345678']],
  ['+31 (0)20 123 4567', ['phone:+31 (0)20 123 4567']],
  ['0031 6 12345678', ['phone:0031 6 12345678']],
  ['+31(0)6-12345678', ['phone:+31(0)6-12345678']],
  ['tel: 010 - 123 45 67', ['phone:010 - 123 45 67']],
  ['Bel 085-1234567', ['phone:085-1234567']],
  // Unicode spellings: non-breaking hyphen, en dash, no-break and narrow spaces, full-width digits.
  ['06\u201112345678', ['phone:06\u201112345678']],
  ['06\u2013\u200912345678', ['phone:06\u2013\u200912345678']],
  ['06\u00a012\u202f34\u00a056\u00a078', ['phone:06\u00a012\u202f34\u00a056\u00a078']],
  ['\uff10\uff16\uff0d\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18', ['phone:０６－１２３４５６７８']],
  ['06-1234\u200b5678', ['phone:06-1234\u200b5678']],
  // Belgian numbers.
  ['+32 470 12 34 56', ['phone:+32 470 12 34 56']],
  ['0470/12.34.56', ['phone:0470/12.34.56']],
  ['0470 12 34 56', ['phone:0470 12 34 56']],
  ['02 123 45 67', ['phone:02 123 45 67']],
  ['050/12.34.56', ['phone:050/12.34.56']],
  ['+32 2 123 45 67', ['phone:+32 2 123 45 67']],
  ['0032 (0)2 123 45 67', ['phone:0032 (0)2 123 45 67']],
  ['0032 470 123456', ['phone:0032 470 123456']],
  ['+49 30 1234567', ['phone:+49 30 1234567']],
  // E-mail addresses and the ways people hide them.
  ['mail jan.de.vries@gemeente.nl', ['email:jan.de.vries@gemeente.nl']],
  ['jan(at)example.nl', ['email:jan(at)example.nl']],
  ['jan [at] example [dot] nl', ['email:jan [at] example [dot] nl']],
  ['jan at example dot nl', ['email:jan at example dot nl']],
  ['jan apenstaartje example punt nl', ['email:jan apenstaartje example punt nl']],
  ['jan @ example.nl', ['email:jan @ example.nl']],
  ['jan AT example DOT nl', ['email:jan AT example DOT nl']],
  ['jan(@)example.nl', ['email:jan(@)example.nl']],
  ['jan.jansen@example.co.uk', ['email:jan.jansen@example.co.uk']],
  ['jan{at}buurthuis(punt)be', ['email:jan{at}buurthuis(punt)be']],
  ['jan\uff20example\uff0enl', ['email:jan＠example．nl']],
  // Bank accounts (mod 97) and citizen service numbers (11-proef).
  ['NL91 ABNA 0417 1643 00', ['iban:NL91 ABNA 0417 1643 00']],
  ['rek. NL91ABNA0417164300.', ['iban:NL91ABNA0417164300']],
  ['BE68 5390 0754 7034 graag', ['iban:BE68 5390 0754 7034']],
  ['nl91abna0417164300', ['iban:nl91abna0417164300']],
  ['nl91 abna 0417 1643 00', ['iban:nl91 abna 0417 1643 00']],
  ['bsn 111222333', ['bsn:111222333']],
  ['BSN: 1112.22.333', ['bsn:1112.22.333']],
  ['bsn 111 222 333', ['bsn:111 222 333']],
  // Postcode with house number.
  ['woont op 1234 AB 5', ['address:1234 AB 5']],
  ['1234AB 12a', ['address:1234AB 12a']],
  ['1234 AB 7-2', ['address:1234 AB 7-2']],
  ['1234\u00a0AB\u00a012', ['address:1234\u00a0AB\u00a012']],
  // Several in one note, in order.
  ['Bel Fatima: 06-12345678 of mail f@x.nl', ['phone:06-12345678', 'email:f@x.nl']],
]

/** Ordinary note text: numbers that are not personal data. */
const NOT_FOUND: string[] = [
  'We willen meer ontmoeting in de wijk.',
  'in 2024 en 2025',
  'op 12-03-2025 om 10:00',
  'vergadering 01-03-2025 10:00',
  'terugkomen op 01-03-25 10:00',
  '2025-03-12',
  '€ 1.250,00 subsidie',
  '€ 123.456.789 begroting',
  'De kosten waren 2.500 euro in 2023',
  '20 deelnemers en 14 vrijwilligers',
  '12.000 inwoners',
  '10:00-12:00 koffie',
  'huisnummer 12',
  'week 12',
  'Ik at brood en ging naar huis.',
  'we zagen elkaar at home',
  'Hij at een appel. Nl is mooi',
  'bel 112 bij nood',
  '0800-1234',
  '0900-1234567 (klantenservice)',
  '1234 AB Utrecht',
  '06-1234567',
  '123456789',
  'NL91 ABNA 0417 16',
  '@gemeente: luister naar ons',
  'score 3-2, 4-1 en 2-2',
  'tussen 5 en 10 procent',
  'Afspraak: wie: Fatima, wat: flyer, wanneer: 1 april',
  'ISBN 978-90-1234-567-8',
  'KvK 12345678',
  'Postbus 1234, 1000 AB Amsterdam',
  'Dorpsstraat 12',
  'om 14.30 uur, 1e verdieping',
  '3 x per week, 2 uur',
  'Kosten: € 12.345.678',
]

/**
 * Accepted false alarms, kept here so they stay known: a 9-digit number that passes the 11-proef
 * looks exactly like a BSN (about 1 in 11 random order numbers), and a 10-digit number starting
 * with 0 looks exactly like a phone number.
 */
const ACCEPTED_FALSE_ALARMS: [string, string[]][] = [
  ['ordernummer 123456782', ['bsn:123456782']],
  ['klantnummer 0123456789', ['phone:0123456789']],
]

const found = (text: string) => findPersonalData(text).map((match) => `${match.kind}:${match.text}`)

describe('personal data in notes', () => {
  it.each(FOUND)('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each(NOT_FOUND.map((text) => [text]))('leaves %j alone', (text) => {
    expect(found(text)).toEqual([])
  })

  it.each(ACCEPTED_FALSE_ALARMS)('flags %j, an accepted false alarm', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('covers at least 40 spellings that must be found and 20 that must not', () => {
    expect(FOUND.length).toBeGreaterThanOrEqual(40)
    expect(NOT_FOUND.length).toBeGreaterThanOrEqual(20)
  })

  it('redacts what was found and keeps every other character as written', () => {
    expect(redactText('Bel me gerust: 06\u201112345678, of jan(at)example.nl! Groet', '[verwijderd]')).toBe(
      'Bel me gerust: [verwijderd], of [verwijderd]! Groet',
    )
    expect(redactText('Ｔｅｌ ０６－１２３４５６７８ 🌱', '[removed]')).toBe('Ｔｅｌ [removed] 🌱')
    expect(redactText('rek NL91 ABNA 0417 1643 00 en 1234 AB 5.', 'X')).toBe('rek X en X.')
    expect(redactText('niets bijzonders', 'X')).toBe('niets bijzonders')
  })

  it('maps normalised positions back to the original text', () => {
    const normalised = normaliseForMatching('a\u00a0\uff11\u200b-\u2011b')
    expect(normalised.text).toBe('a 1--b')
    expect(normalised.toOriginal).toEqual([0, 1, 2, 4, 5, 6, 7])
  })
})

describe('checksums', () => {
  it('accepts IBANs whose mod-97 remainder is 1 and refuses typos and wrong lengths', () => {
    for (const iban of [
      'NL91ABNA0417164300',
      'BE68 5390 0754 7034',
      'DE89 3704 0044 0532 0130 00',
      'GB82WEST12345698765432',
    ])
      expect(isValidIban(iban), iban).toBe(true)
    for (const iban of [
      'NL91ABNA0417164301',
      'NL19ABNA0417164300',
      'NL91ABNA041716430',
      'XX00',
      'NL91-ABNA-0417-1643-0O',
    ])
      expect(isValidIban(iban), iban).toBe(false)
  })

  it('accepts BSNs that pass the 11-proef and nothing else', () => {
    for (const bsn of ['111222333', '123456782', '010000008']) expect(isValidBsn(bsn), bsn).toBe(true)
    for (const bsn of ['123456789', '111222334', '000000000', '12345678', '1234567890'])
      expect(isValidBsn(bsn), bsn).toBe(false)
  })
})

describe('the name of a redacted file', () => {
  it('says "zonder-privegegevens", so it never overwrites or passes for the complete report', () => {
    const { content, control } = buildSampleBoard()
    const plain = buildReport(content, control, { now: Date.UTC(2025, 2, 13) })
    const redacted = buildReport(content, control, { now: Date.UTC(2025, 2, 13), redact: true })
    expect(reportFilename(plain, 'pdf')).not.toContain('zonder-privegegevens')
    expect(reportFilename(redacted, 'pdf')).toMatch(
      /^oogst-buurtavond-zuidoost-samen-sterker-zonder-privegegevens-\d{4}-\d{2}-\d{2}\.pdf$/,
    )
  })
})

describe('detection on any text', () => {
  // Text from every corner of unicode, with the characters the normaliser rewrites mixed in.
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '0',
        '6',
        '1',
        '-',
        ' ',
        '@',
        '.',
        '\u00a0',
        '\u2011',
        '\uff10',
        '\uff16',
        '\u200b',
        'ﬁ',
        '㍱',
        '½',
        'A',
        'B',
      ),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    ),
    maxLength: 60,
  })

  it('reports ordered, non-overlapping ranges of the original text, and redaction keeps everything else', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const matches = findPersonalData(text)
        let last = 0
        for (const match of matches) {
          expect(match.start).toBeGreaterThanOrEqual(last)
          expect(match.end).toBeGreaterThan(match.start)
          expect(match.end).toBeLessThanOrEqual(text.length)
          expect(match.text).toBe(text.slice(match.start, match.end))
          last = match.end
        }
        const kept = matches.reduceRight(
          (rest, match) => rest.slice(0, match.start) + rest.slice(match.end),
          text,
        )
        expect(redactText(text, '')).toBe(kept)
      }),
      { numRuns: 2000 },
    )
  })

  it('finds a planted phone number, e-mail address and IBAN wherever they stand between words', () => {
    const word = fc.stringMatching(/^[a-zé]{1,8}$/)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 6 }), (before, after) => {
        for (const planted of ['06 - 12345678', 'jan(at)example.nl', 'NL91 ABNA 0417 1643 00']) {
          const text = [...before, planted, ...after].join(' ')
          expect(findPersonalData(text).map((match) => match.text)).toContain(planted)
        }
      }),
      { numRuns: 300 },
    )
  })
})
