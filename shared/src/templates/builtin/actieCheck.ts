import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { BilingualText, Template, TemplateZone } from '../schema'

/**
 * The ACTIE check (Movisie / Platform31) for residents' initiatives: five success factors, each
 * looked at from the professional's own role and from the organisation's role. Columns are the
 * factors in ACTIE order so the acronym reads left to right; rows are the two perspectives.
 */

interface Factor {
  key: string
  name: BilingualText
  question: BilingualText
}

const FACTORS: Factor[] = [
  {
    key: 'animo',
    name: nlEn('Animo', 'Animo (enthusiasm)'),
    question: nlEn(
      'Hebben de bewoners zin en energie om ermee door te gaan?',
      'Do the residents have the will and energy to keep going?',
    ),
  },
  {
    key: 'contacten',
    name: nlEn('Contacten', 'Contacten (contacts)'),
    question: nlEn(
      'Heeft het initiatief goede contacten met bewoners, organisaties en de gemeente?',
      'Does the initiative have good contacts with residents, organisations and the municipality?',
    ),
  },
  {
    key: 'toerusting',
    name: nlEn('Toerusting', 'Toerusting (resources)'),
    question: nlEn(
      'Hebben de bewoners wat ze nodig hebben: kennis, vaardigheden, geld, ruimte en spullen?',
      'Do the residents have what they need: knowledge, skills, money, space and materials?',
    ),
  },
  {
    key: 'inbedding',
    name: nlEn('Inbedding', 'Inbedding (embedding)'),
    question: nlEn(
      'Heeft het initiatief een vaste plek in de wijk, bij organisaties en bij de gemeente?',
      'Does the initiative have a steady place in the neighbourhood, with organisations and the municipality?',
    ),
  },
  {
    key: 'empathie',
    name: nlEn('Empathie', 'Empathie (empathy)'),
    question: nlEn(
      'Begrijpen bewoners, professionals en gemeente elkaar? Kunnen ze zich in elkaar verplaatsen?',
      "Do residents, professionals and the municipality understand each other? Can they put themselves in each other's shoes?",
    ),
  },
]

const PERSPECTIVES = [
  {
    key: 'professional',
    name: nlEn('Professional', 'Professional'),
    ask: nlEn(
      'Wat doe jij als professional hieraan? Wat gaat goed, wat kan beter?',
      'What do you as a professional do about this? What goes well, what could be better?',
    ),
    color: ZONE_TINTS.sky,
  },
  {
    key: 'organisatie',
    name: nlEn('Organisatie', 'Organisation'),
    ask: nlEn(
      'Wat doet jouw organisatie hieraan? Wat gaat goed, wat kan beter?',
      'What does your organisation do about this? What goes well, what could be better?',
    ),
    color: ZONE_TINTS.lilac,
  },
]

const cell = grid({ columnWidth: 600, rowHeights: [440, 440, 400] })

const gridZones: TemplateZone[] = PERSPECTIVES.flatMap((perspective, row) =>
  FACTORS.map((factor, column) => ({
    key: `${factor.key}-${perspective.key}`,
    title: nlEn(`${factor.name.nl} — ${perspective.name.nl}`, `${factor.name.en} — ${perspective.name.en}`),
    prompt: nlEn(
      `${factor.question.nl}\n${perspective.ask.nl}`,
      `${factor.question.en}\n${perspective.ask.en}`,
    ),
    ...cell(column, row),
    color: perspective.color,
  })),
)

function keysFor(perspectiveKey: string): string[] {
  return FACTORS.map((factor) => `${factor.key}-${perspectiveKey}`)
}

export const actieCheck: Template = {
  id: 'actie-check',
  version: 1,
  labels: nlEn('ACTIE-check bewonersinitiatief', 'ACTIE check for residents’ initiatives'),
  descriptions: nlEn(
    'Hoe sterk staat een bewonersinitiatief? Bekijk de vijf ACTIE-factoren van Movisie en Platform31: ' +
      'Animo, Contacten, Toerusting, Inbedding en Empathie. Kijk naar je eigen rol als professional en naar ' +
      'de rol van je organisatie. Sluit af met actiepunten.',
    'How strong is a residents’ initiative? Look at the five ACTIE factors from Movisie and Platform31: ' +
      'Animo (enthusiasm), Contacts, Resources, Embedding and Empathy. Look at your own role as a ' +
      'professional and at the role of your organisation. Finish with action points.',
  ),
  zones: [
    ...gridZones,
    {
      key: 'actie-punten',
      title: nlEn('ACTIE-punten', 'ACTIE action points'),
      prompt: nlEn(
        'Wat gaan we doen? Schrijf per actie: wat, wie en wanneer.',
        'What will we do? For each action write: what, who and when.',
      ),
      ...cell(0, 2, FACTORS.length),
      color: ZONE_TINTS.mint,
    },
  ],
  rounds: [
    {
      title: nlEn('Rol van de professional', 'Role of the professional'),
      prompt: nlEn(
        'Kijk per factor naar je eigen werk. Wat doe je al? Wat kan beter? Eén punt per briefje.',
        'For each factor, look at your own work. What do you already do? What could be better? One point per note.',
      ),
      zoneKeys: keysFor('professional'),
      minutes: 15,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Rol van de organisatie', 'Role of the organisation'),
      prompt: nlEn(
        'Kijk per factor naar je organisatie. Wat helpt het initiatief? Wat zit in de weg?',
        'For each factor, look at your organisation. What helps the initiative? What gets in the way?',
      ),
      zoneKeys: keysFor('organisatie'),
      minutes: 15,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Waar is aandacht nodig?', 'Where is attention needed?'),
      prompt: nlEn(
        'Lees alle briefjes. Stem op de punten die nu het meest aandacht nodig hebben.',
        'Read all notes. Vote for the points that need attention most right now.',
      ),
      zoneKeys: [...keysFor('professional'), ...keysFor('organisatie')],
      minutes: 10,
      privateWriting: false,
      voting: true,
    },
    {
      title: nlEn('ACTIE-punten', 'ACTIE action points'),
      prompt: nlEn(
        'Maak van de punten met de meeste stemmen concrete acties: wat, wie en wanneer?',
        'Turn the points with the most votes into concrete actions: what, who and when?',
      ),
      zoneKeys: ['actie-punten'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
  ],
}
