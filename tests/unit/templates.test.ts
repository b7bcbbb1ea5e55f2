import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createZone,
  DEFAULT_ZONE_COLOR,
  deleteZone,
  initBoardMeta,
  type Language,
  listRounds,
  listZones,
  updateRound,
} from '../../shared/src/model'
import {
  applyTemplate,
  BUILTIN_TEMPLATES,
  getBuiltinTemplate,
  parseTemplateJson,
  type Template,
  type TemplateInput,
  templateFromBoard,
  templateSchema,
  templateSummary,
  zonesOverlap,
} from '../../shared/src/templates'

const LANGUAGES: Language[] = ['nl', 'en']

/** The board as people see it: zones without ids, rounds pointing at zone titles. */
function boardSnapshot(content: Y.Doc, control: Y.Doc) {
  const zones = listZones(content)
  const titleOf = new Map(zones.map((zone) => [zone.id, zone.title]))
  return {
    zones: zones.map(({ id: _id, ...zone }) => zone),
    rounds: listRounds(control).map(({ id: _id, zoneIds, ...round }) => ({
      ...round,
      zones: zoneIds.map((zoneId) => titleOf.get(zoneId) ?? `missing zone ${zoneId}`),
    })),
  }
}

function applied(template: Template, language: Language) {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: 'Test', language })
  applyTemplate(content, control, template, { title: 'Test', language })
  return { content, control }
}

function requireTemplate(id: string): Template {
  const template = getBuiltinTemplate(id)
  if (!template) throw new Error(`no built-in template ${id}`)
  return template
}

const EXPECTED_IDS = [
  'leeg',
  'los-model',
  'leren-van-successen',
  'actie-check',
  'incidentmethode',
  'troika-consult',
  '1-2-4-allen',
  'bindingsladder',
  'interventie-slim',
]

describe('built-in templates', () => {
  it('has every planned template once', () => {
    expect(BUILTIN_TEMPLATES.map((template) => template.id)).toEqual(EXPECTED_IDS)
    expect(getBuiltinTemplate('bestaat-niet')).toBeNull()
  })

  describe.each(BUILTIN_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s',
    (_id, template) => {
      it('validates with the schema and parses to itself', () => {
        const result = templateSchema.safeParse(template)
        expect(result.error?.issues ?? []).toEqual([])
        expect(result.data).toEqual(template)
      })

      it('has no overlapping zones and keeps 40 px between them', () => {
        expect(zonesOverlap(template, 40)).toEqual([])
      })

      it('uses zones of a workable size', () => {
        for (const zone of template.zones) {
          expect(zone.width, zone.key).toBeGreaterThanOrEqual(600)
          expect(zone.height, zone.key).toBeGreaterThanOrEqual(400)
          expect(zone.height, zone.key).toBeLessThanOrEqual(600)
        }
      })

      it('has rounds that only reference its own zones, with whole minutes', () => {
        const keys = new Set(template.zones.map((zone) => zone.key))
        for (const round of template.rounds) {
          for (const key of round.zoneKeys) expect(keys, `${round.title.en} → ${key}`).toContain(key)
          expect(Number.isInteger(round.minutes) && round.minutes > 0).toBe(true)
        }
      })

      it.each(LANGUAGES)('applies exactly its zones and rounds in %s', (language) => {
        const { content, control } = applied(template, language)
        const board = boardSnapshot(content, control)
        const expectedZones = template.zones.map((zone, order) => ({
          title: zone.title[language],
          prompt: zone.prompt[language],
          x: zone.x,
          y: zone.y,
          width: zone.width,
          height: zone.height,
          color: zone.color ?? DEFAULT_ZONE_COLOR,
          order,
        }))
        const panel = template.sidePanel
        expect(board.zones.slice(0, template.zones.length)).toEqual(expectedZones)
        expect(board.zones).toHaveLength(template.zones.length + (panel ? 1 : 0))
        if (panel) {
          const panelZone = board.zones.at(-1)
          expect(panelZone?.title).toBe(panel.title[language])
          for (const item of panel.items) expect(panelZone?.prompt).toContain(item[language])
        }
        const titleOfKey = new Map(template.zones.map((zone) => [zone.key, zone.title[language]]))
        expect(board.rounds).toEqual(
          template.rounds.map((round) => ({
            title: round.title[language],
            prompt: round.prompt?.[language] ?? '',
            minutes: round.minutes,
            privateWriting: round.privateWriting,
            voting: round.voting,
            ...(round.groupSize ? { groupSize: round.groupSize } : {}),
            ...(round.gatherInsights ? { gatherInsights: true } : {}),
            ...(round.roleTurn ? { roleTurn: round.roleTurn } : {}),
            ...(round.inbrengerListens ? { inbrengerListens: true } : {}),
            ...(round.inbrengerChosen ? { inbrengerChosen: true } : {}),
            ...(round.notulist ? { notulist: true } : {}),
            ...(round.wholeGroupUpTo ? { wholeGroupUpTo: round.wholeGroupUpTo } : {}),
            zones: round.zoneKeys.map((key) => titleOfKey.get(key)),
          })),
        )
      })

      it.each(LANGUAGES)('survives save-as-template → JSON → import in %s', (language) => {
        const first = applied(template, language)
        const saved = templateFromBoard(first.content, first.control, { label: 'Mijn sjabloon' })
        const parsed = parseTemplateJson(JSON.stringify(saved, null, 2))
        if (!parsed.ok) throw new Error(parsed.message)
        const second = applied(parsed.template, language)
        expect(boardSnapshot(second.content, second.control)).toEqual(
          boardSnapshot(first.content, first.control),
        )
      })
    },
  )

  it('gives the LOS template exactly its three question zones in the main round', () => {
    const template = requireTemplate('los-model')
    const { content, control } = applied(template, 'nl')
    const board = boardSnapshot(content, control)
    expect(board.rounds.map((round) => [round.title, round.minutes])).toEqual([
      ['Verkenning vraag en verdieping', 10],
      ['LOS-model invullen en ervaring delen', 35],
      ['Oogst & afspraken', 10],
    ])
    expect(board.rounds[1]?.zones).toEqual([
      'Welke succesvolle activiteiten in het samenwerken met burgers kun je delen?',
      "Wat zijn de belangrijkste do's & don'ts?",
      'Hoe versterk je de organisatiegraad van bewoners?',
    ])
    // The central question sits on top, as wide as the whole layout.
    const central = board.zones[0]
    expect(central?.title).toBe('Centrale vraag')
    expect(central?.prompt).toBe('Hoe kunnen we het leren met de burger in de wijk vormgeven?')
    const right = Math.max(...board.zones.map((zone) => zone.x + zone.width))
    expect(central?.y).toBe(Math.min(...board.zones.map((zone) => zone.y)))
    expect(central?.width).toBe(right - (central?.x ?? 0))
    expect(board.zones.map((zone) => zone.title)).toContain('Afspraken')
  })

  it('has the round scripts agreed for each method', () => {
    const minutes = (id: string) => requireTemplate(id).rounds.map((round) => round.minutes)
    expect(minutes('leren-van-successen')).toEqual([10, 10, 10, 10])
    expect(minutes('incidentmethode')).toEqual([5, 5, 5, 15, 5, 5, 10])
    // Issue 18: the case is worked on in groups with a chosen inbrenger and a notulist; the
    // standpoints are private (they go to the inbrenger); it opens with the look back.
    const incident = requireTemplate('incidentmethode').rounds
    expect(incident[0]?.zoneKeys).toEqual(['terugblik'])
    expect(incident.map((round) => [round.groupSize ?? 0, round.inbrengerChosen === true])).toEqual([
      [0, false],
      [0, false],
      [0, false],
      [5, true],
      [5, true],
      [5, true],
      [0, false],
    ])
    expect(incident.filter((round) => round.privateWriting).map((round) => round.title.nl)).toEqual([
      'Inbreng',
      'Standpunten',
    ])
    // Issue 18: 1 min alone, then three turns of tell, ask, advise (the inbrenger listens), react.
    expect(minutes('troika-consult')).toEqual([1, 2, 2, 5, 2, 2, 2, 5, 2, 2, 2, 5, 2])
    const troika = requireTemplate('troika-consult').rounds
    expect(troika.map((round) => round.roleTurn ?? 0)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
    expect(troika.filter((round) => round.inbrengerListens).map((round) => round.minutes)).toEqual([5, 5, 5])
    expect(requireTemplate('leren-van-successen').rounds[1]?.zoneKeys).toHaveLength(2)
    const oneTwoFour = requireTemplate('1-2-4-allen').rounds
    expect(oneTwoFour.map((round) => round.title.nl)).toEqual([
      'Alleen',
      'Duo',
      'Viertal',
      'Iedereen',
      'Wat?',
      'Zo wat?',
      'Nu wat?',
    ])
    expect(oneTwoFour[0]?.privateWriting).toBe(true)
    // Issue 18: the method's own timings and group sizes; the fours' insights come to "Iedereen".
    expect(oneTwoFour.slice(0, 4).map((round) => [round.minutes, round.groupSize ?? 0])).toEqual([
      [1, 1],
      [2, 2],
      [4, 4],
      [5, 0],
    ])
    expect(oneTwoFour[3]?.gatherInsights).toBe(true)
    expect(requireTemplate('leeg')).toMatchObject({ zones: [], rounds: [] })
  })

  it('lays out the ACTIE check as five factors by two perspectives plus action points', () => {
    const zones = requireTemplate('actie-check').zones
    const titles = zones.map((zone) => zone.title.nl)
    for (const factor of ['Animo', 'Contacten', 'Toerusting', 'Inbedding', 'Empathie']) {
      expect(titles).toContain(`${factor} — Professional`)
      expect(titles).toContain(`${factor} — Organisatie`)
    }
    expect(zones).toHaveLength(11)
    expect(titles.at(-1)).toBe('ACTIE-punten')
  })

  it('draws the bindingsladder as six steps, each higher than the one before', () => {
    const template = requireTemplate('bindingsladder')
    expect(template.zones.map((zone) => zone.title.nl)).toEqual([
      'Trede 1: Bezoeker',
      'Trede 2: Deelnemer',
      'Trede 3: Ondersteuner',
      'Trede 4: Kartrekker',
      'Trede 5: Coördinator',
      'Trede 6: Wijkverbinder',
    ])
    template.zones.slice(1).forEach((zone, index) => {
      expect(zone.y).toBeLessThan(template.zones[index]?.y ?? 0)
    })
    expect(template.rounds.map((round) => round.title.nl)).toEqual([
      'Wie staat waar?',
      'Wat helpt een trede hoger?',
      'Rol van de professional per trede',
    ])
  })

  it('gives the intervention template its quadrants and the nine-point checklist', () => {
    const template = requireTemplate('interventie-slim')
    expect(template.zones.map((zone) => zone.title.nl)).toEqual([
      'Interventie',
      'Resultaat',
      'Klant',
      'Wijk',
      'Organisatie',
      'Stakeholders',
    ])
    expect(template.sidePanel?.items).toHaveLength(9)
  })

  it('summarises a template for the picker', () => {
    expect(templateSummary(requireTemplate('los-model'), 'nl')).toEqual({
      id: 'los-model',
      label: 'CoP-sessie: vraag & ervaring (LOS-model)',
      description: requireTemplate('los-model').descriptions.nl,
      zoneCount: 5,
      totalMinutes: 55,
    })
    expect(templateSummary(requireTemplate('interventie-slim'), 'en')).toMatchObject({
      label: 'Intervention in a smart format',
      zoneCount: 7,
      totalMinutes: 40,
    })
  })

  it('cannot be changed by a caller', () => {
    const template = requireTemplate('troika-consult')
    expect(() => {
      ;(template.rounds[0] as { minutes: number }).minutes = 99
    }).toThrow(TypeError)
  })
})

describe('zonesOverlap', () => {
  const base = requireTemplate('troika-consult')
  it('reports overlapping zones and zones closer than the gap', () => {
    const [a, b] = base.zones
    if (!a || !b) throw new Error('troika has zones')
    const overlapping: Template = { ...base, zones: [a, { ...b, x: a.x + 10 }] }
    expect(zonesOverlap(overlapping)).toEqual([[a.key, b.key]])
    const close: Template = { ...base, zones: [a, { ...b, x: a.x + a.width + 10 }] }
    expect(zonesOverlap(close)).toEqual([])
    expect(zonesOverlap(close, 40)).toEqual([[a.key, b.key]])
  })
})

describe('templateFromBoard', () => {
  it('keeps layout and script, drops notes and deleted zones, and tidies foreign values', () => {
    const content = new Y.Doc()
    const control = new Y.Doc()
    initBoardMeta(content, { title: 'Wijkoverleg Noord', language: 'nl' })
    const { zoneIds } = applyTemplate(content, control, requireTemplate('troika-consult'), { language: 'nl' })
    const gone = zoneIds.get('adviezen') ?? ''
    deleteZone(content, gone)
    createZone(content, { title: '   ', x: -500, y: 100, width: 20, height: 300, color: 'paars', order: 99 })
    const firstRound = listRounds(control)[0]
    updateRound(control, firstRound?.id ?? '', { zoneIds: [gone, zoneIds.get('mijn-vraag') ?? ''] })

    const template = templateFromBoard(content, control, {})
    expect(template.id).toBe('wijkoverleg-noord')
    expect(template.labels).toEqual({ nl: 'Wijkoverleg Noord', en: 'Wijkoverleg Noord' })
    expect(template.zones).toHaveLength(4)
    const added = template.zones.at(-1)
    expect(added).toMatchObject({ title: { nl: 'Vak 4' }, x: 0, width: 80 })
    expect(added?.color).toBeUndefined()
    expect(Math.min(...template.zones.map((zone) => zone.y))).toBe(0)
    expect(template.rounds[0]?.zoneKeys).toEqual([template.zones[0]?.key])
    // The first advice round (turn 1) pointed at the deleted zone.
    expect(template.rounds[3]?.zoneKeys).toEqual([])
  })
})

/** A small valid template, as a person might write it by hand (defaults left out). */
function minimalTemplate(): TemplateInput {
  return {
    id: 'mijn-sjabloon',
    version: 1,
    labels: { nl: 'Mijn sjabloon', en: 'My template' },
    descriptions: { nl: '', en: '' },
    zones: [
      {
        key: 'a',
        title: { nl: 'Vak A', en: 'Zone A' },
        prompt: { nl: '', en: '' },
        x: 0,
        y: 0,
        width: 600,
        height: 400,
      },
      {
        key: 'b',
        title: { nl: 'Vak B', en: 'Zone B' },
        prompt: { nl: '', en: '' },
        x: 640,
        y: 0,
        width: 600,
        height: 400,
      },
    ],
    rounds: [{ title: { nl: 'Ronde', en: 'Round' }, zoneKeys: ['a', 'b'], minutes: 5 }],
  }
}

function refusal(text: string): string {
  const result = parseTemplateJson(text)
  if (result.ok) throw new Error('expected the template to be refused')
  return result.message
}

describe('parseTemplateJson', () => {
  it('accepts a hand-written template and fills in defaults', () => {
    const result = parseTemplateJson(`\uFEFF${JSON.stringify(minimalTemplate())}`)
    if (!result.ok) throw new Error(result.message)
    expect(result.template.rounds[0]).toMatchObject({ privateWriting: false, voting: false })
  })

  it('refuses text that is not JSON', () => {
    expect(refusal('{ zones: [ }')).toMatch(/^The template is not valid JSON \(.+\)\.$/)
    expect(refusal('   ')).toBe('The template file is empty.')
  })

  it('refuses JSON that is not an object', () => {
    expect(refusal('[1, 2]')).toBe('The template is not valid: the template: must be a JSON object.')
  })

  it('names the field with a wrong type or that is missing', () => {
    const template = minimalTemplate() as Record<string, unknown>
    const zones = template.zones as Record<string, unknown>[]
    zones[1] = { ...zones[1], width: 'breed' }
    delete template.labels
    const message = refusal(JSON.stringify(template))
    expect(message).toContain('labels: is missing')
    expect(message).toContain('zones[1].width: Invalid input: expected number, received string')
  })

  it('refuses duplicate zone keys', () => {
    const template = minimalTemplate()
    const [first, second] = template.zones
    if (!first || !second) throw new Error('minimal template has two zones')
    second.key = first.key
    template.rounds = []
    expect(refusal(JSON.stringify(template))).toBe(
      'The template is not valid: zones[1].key: zone key "a" is used by more than one zone; every zone ' +
        'needs its own key.',
    )
  })

  it('refuses a round that references an unknown zone', () => {
    const template = minimalTemplate()
    template.rounds[0]?.zoneKeys.push('c')
    expect(refusal(JSON.stringify(template))).toBe(
      'The template is not valid: rounds[0].zoneKeys[2]: refers to zone "c", but no zone has that key.',
    )
  })

  it('refuses 10 MB of zones without parsing them', () => {
    const zone = minimalTemplate().zones[0]
    const zones = JSON.stringify(zone)
    const count = Math.ceil((10 * 1024 * 1024) / zones.length)
    const huge = `{"zones":[${Array.from({ length: count }, () => zones).join(',')}]}`
    expect(huge.length).toBeGreaterThan(10_000_000)
    expect(refusal(huge)).toMatch(/^The template file is too large \(1\d\.\d MB; at most 1\.0 MB\)\.$/)
  })

  it('refuses more zones than a template may have, even when the file is small', () => {
    const template = minimalTemplate()
    template.zones = Array.from({ length: 41 }, (_, index) => ({
      ...minimalTemplate().zones[0],
      key: `z${index}`,
      x: index * 700,
    })) as TemplateInput['zones']
    expect(refusal(JSON.stringify(template))).toContain('zones: a template has at most 40 zones')
  })

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    const template = { ...minimalTemplate(), zone: [] }
    expect(refusal(JSON.stringify(template))).toBe(
      'The template is not valid: the template: Unrecognized key: "zone".',
    )
  })

  it('refuses unknown versions and fractional minutes, and counts further problems', () => {
    const template = { ...minimalTemplate(), version: 2 } as Record<string, unknown>
    const rounds = template.rounds as Record<string, unknown>[]
    rounds[0] = { ...rounds[0], minutes: 2.5 }
    ;(template.labels as Record<string, unknown>).nl = ''
    ;(template.descriptions as Record<string, unknown>).en = 7
    const message = refusal(JSON.stringify(template))
    expect(message).toBe(
      'The template is not valid: version: must be 1 (the only template version this app knows); ' +
        'labels.nl: must not be empty; descriptions.en: Invalid input: expected string, received number; ' +
        'and 1 more problem.',
    )
    expect(
      refusal(JSON.stringify({ ...minimalTemplate(), rounds: [{ ...rounds[0], minutes: 2.5 }] })),
    ).toContain('rounds[0].minutes: must be a whole number of minutes')
  })
})
