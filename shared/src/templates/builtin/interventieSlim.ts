import { grid, nlEn, ZONE_GAP, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * An intervention described on one board: what you do and want to achieve on top, what it brings
 * for four parties in the quadrants below, and a checklist for professional collaboration on the
 * right. The checklist is a side panel: reference to read while working, not a place for notes.
 */

const COLUMN_WIDTH = 720
const cell = grid({ columnWidth: COLUMN_WIDTH, rowHeights: [480, 480, 480] })
const fullHeight = cell(0, 0, 1, 3).height

export const interventieSlim: Template = {
  id: 'interventie-slim',
  version: 1,
  labels: nlEn('Interventie in slim format', 'Intervention in a smart format'),
  descriptions: nlEn(
    'Beschrijf een interventie op één bord: wat je doet, wat je wilt bereiken en wat het oplevert voor de ' +
      'klant, de wijk, je organisatie en andere partijen. De checklist helpt om goed samen te werken.',
    'Describe an intervention on one board: what you do, what you want to achieve and what it brings for ' +
      'the client, the neighbourhood, your organisation and other parties. The checklist helps you work ' +
      'well together.',
  ),
  zones: [
    {
      key: 'interventie',
      title: nlEn('Interventie', 'Intervention'),
      prompt: nlEn(
        'Wat doe je? Voor wie? Hoe ziet het eruit in de praktijk?',
        'What do you do? For whom? What does it look like in practice?',
      ),
      ...cell(0, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'resultaat',
      title: nlEn('Resultaat', 'Result'),
      prompt: nlEn(
        'Wat wil je bereiken? Hoe weet je dat het gelukt is?',
        'What do you want to achieve? How do you know it worked?',
      ),
      ...cell(1, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'klant',
      title: nlEn('Klant', 'Client'),
      prompt: nlEn(
        'Wat levert het op voor de bewoner of klant? Wat merkt die ervan?',
        'What does it bring the resident or client? What do they notice?',
      ),
      ...cell(0, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'wijk',
      title: nlEn('Wijk', 'Neighbourhood'),
      prompt: nlEn(
        'Wat levert het op voor de wijk? Wie doen er mee?',
        'What does it bring the neighbourhood? Who takes part?',
      ),
      ...cell(1, 1),
      color: ZONE_TINTS.mint,
    },
    {
      key: 'organisatie',
      title: nlEn('Organisatie', 'Organisation'),
      prompt: nlEn(
        'Wat vraagt het van je organisatie? Wat levert het op?',
        'What does it ask of your organisation? What does it bring?',
      ),
      ...cell(0, 2),
      color: ZONE_TINTS.lilac,
    },
    {
      key: 'stakeholders',
      title: nlEn('Stakeholders', 'Stakeholders'),
      prompt: nlEn(
        'Welke partijen zijn nog meer betrokken, zoals de gemeente, de woningcorporatie of de huisarts? ' +
          'Wat is hun belang?',
        'Which other parties are involved, such as the municipality, the housing association or the GP? ' +
          'What is their interest?',
      ),
      ...cell(1, 2),
      color: ZONE_TINTS.rose,
    },
  ],
  sidePanel: {
    title: nlEn('Checklist: goed samenwerken', 'Checklist: working well together'),
    items: [
      nlEn('Werk samen als gelijken.', 'Work together as equals.'),
      nlEn('Zoek de belangen die je deelt.', 'Look for the interests you share.'),
      nlEn('Gebruik wat bewoners weten over hun wijk.', 'Use what residents know about their neighbourhood.'),
      nlEn('Zeg duidelijk wat je wilt.', 'Say clearly what you want.'),
      nlEn('Laat zien wat vrijwilligers doen.', 'Make the work of volunteers visible.'),
      nlEn('Werk samen met de gemeente.', 'Work together with the municipality.'),
      nlEn('Houd elkaar op de hoogte.', 'Keep each other informed.'),
      nlEn('Houd overzicht: wie zijn je partners?', 'Keep an overview: who are your partners?'),
      nlEn('Blijf doorgaan, ook als het even tegenzit.', 'Keep going, also when things get difficult.'),
    ],
    x: 2 * (COLUMN_WIDTH + ZONE_GAP),
    y: 0,
    width: 640,
    height: fullHeight,
    color: ZONE_TINTS.sand,
  },
  rounds: [
    {
      title: nlEn('Interventie en resultaat', 'Intervention and result'),
      prompt: nlEn(
        'Beschrijf kort de interventie en wat je ermee wilt bereiken.',
        'Briefly describe the intervention and what you want to achieve with it.',
      ),
      zoneKeys: ['interventie', 'resultaat'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Wat levert het op?', 'What does it bring?'),
      prompt: nlEn(
        'Vul de vier vakken in. Wat levert de interventie op voor elk van hen, en wat vraagt het?',
        'Fill in the four zones. What does the intervention bring for each of them, and what does it ask?',
      ),
      zoneKeys: ['klant', 'wijk', 'organisatie', 'stakeholders'],
      minutes: 20,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Check: samenwerken', 'Check: working together'),
      prompt: nlEn(
        'Loop de checklist langs. Wat gaat al goed? Wat kan beter? Zet je punt in het vak waar het bij ' +
          'hoort en stem op de belangrijkste punten.',
        'Go through the checklist. What already goes well? What could be better? Put your point in the ' +
          'zone it belongs to and vote for the most important points.',
      ),
      zoneKeys: ['klant', 'wijk', 'organisatie', 'stakeholders'],
      minutes: 10,
      privateWriting: false,
      voting: true,
    },
  ],
}
