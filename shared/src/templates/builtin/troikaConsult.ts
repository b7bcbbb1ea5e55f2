import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * Troika consulting (Liberating Structures): quick advice in groups of three, run with groups of
 * people and rotating roles (issue 18; source in docs/templates.md). The steps are short
 * on purpose; the timer keeps the pace, and the presenter only listens while advice is given, so
 * they hear ideas without defending their own approach.
 */

const cell = grid({ columnWidth: 720, rowHeights: [480, 480] })

export const troikaConsult: Template = {
  id: 'troika-consult',
  version: 1,
  labels: nlEn('Troika-consult', 'Troika consulting'),
  descriptions: nlEn(
    'Snel advies in een groepje van drie. Eén persoon brengt een vraag in, de twee anderen geven advies. ' +
      'De inbrenger luistert alleen en vertelt aan het eind wat hij of zij meeneemt.',
    'Quick advice in a group of three. One person brings in a question, the other two give advice. The ' +
      'presenter only listens and says at the end what they take away.',
  ),
  zones: [
    {
      key: 'mijn-vraag',
      title: nlEn('Mijn vraag', 'My question'),
      prompt: nlEn(
        'Inbrenger: schrijf je vraag op. Wat wil je bereiken, en waar loop je tegenaan?',
        'Presenter: write down your question. What do you want to achieve, and what is in the way?',
      ),
      ...cell(0, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'verhelderende-vragen',
      title: nlEn('Verhelderende vragen', 'Clarifying questions'),
      prompt: nlEn(
        'Adviseurs: welke vragen heb je om de vraag goed te begrijpen? Nog geen advies.',
        'Advisers: which questions help you understand the question well? No advice yet.',
      ),
      ...cell(1, 0),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'adviezen',
      title: nlEn('Adviezen (inbrenger luistert)', 'Advice (presenter listens)'),
      prompt: nlEn(
        'Adviseurs: welke ideeën en adviezen heb je? Eén advies per briefje.',
        'Advisers: which ideas and advice do you have? One piece of advice per note.',
      ),
      ...cell(0, 1),
      color: ZONE_TINTS.mint,
    },
    {
      key: 'wat-neem-ik-mee',
      title: nlEn('Wat neem ik mee?', 'What do I take away?'),
      prompt: nlEn(
        'Inbrenger: wat was nuttig? Wat ga je doen?',
        'Presenter: what was useful? What will you do?',
      ),
      ...cell(1, 1),
      color: ZONE_TINTS.lilac,
    },
  ],
  rounds: [
    {
      title: nlEn('Alleen: jouw vraag', 'Alone: your question'),
      prompt: nlEn(
        'Jullie zitten in een groepje van drie. Denk eerst alleen na: welke vraag wil jij inbrengen? ' +
          'Schrijf hem op in de ruimte van je groepje.',
        'You are in a small group of three. First think alone: which question do you want to bring in? ' +
          "Write it down in your small group's space.",
      ),
      zoneKeys: ['mijn-vraag'],
      minutes: 1,
      privateWriting: false,
      voting: false,
      groupSize: 3,
    },
    ...[1, 2, 3].flatMap((turn) => troikaTurn(turn)),
  ],
}

/**
 * One turn of Troika consulting: the inbrenger (the turn-th member of each groepje) tells, the
 * advisers ask, the inbrenger turns away while the advisers discuss, then reacts. Three turns, so
 * everyone is inbrenger once (issue 18: roles rotate per round).
 */
function troikaTurn(turn: number): Template['rounds'] {
  const step = (
    nl: string,
    en: string,
    zoneKey: string,
    minutes: number,
    prompt: [string, string],
    listens = false,
  ) => ({
    title: nlEn(`Beurt ${turn}: ${nl}`, `Turn ${turn}: ${en}`),
    prompt: nlEn(prompt[0], prompt[1]),
    zoneKeys: [zoneKey],
    minutes,
    privateWriting: false,
    voting: false,
    groupSize: 3,
    roleTurn: turn,
    ...(listens ? { inbrengerListens: true } : {}),
  })
  return [
    step('vertellen', 'tell', 'mijn-vraag', 2, [
      'De inbrenger vertelt kort de vraag. De adviseurs luisteren.',
      'The presenter briefly tells the question. The advisers listen.',
    ]),
    step('vragen', 'ask', 'verhelderende-vragen', 2, [
      'De adviseurs stellen vragen om de vraag goed te begrijpen. Nog geen advies.',
      'The advisers ask questions to understand the question well. No advice yet.',
    ]),
    step(
      'adviseren',
      'advise',
      'adviezen',
      5,
      [
        'De inbrenger draait zich om en luistert mee. De adviseurs bespreken de vraag en schrijven adviezen op.',
        'The presenter turns away and listens. The advisers discuss the question and write down advice.',
      ],
      true,
    ),
    step('reageren', 'react', 'wat-neem-ik-mee', 2, [
      'De inbrenger draait zich weer om en vertelt wat nuttig was.',
      'The presenter turns back and tells what was useful.',
    ]),
  ]
}
