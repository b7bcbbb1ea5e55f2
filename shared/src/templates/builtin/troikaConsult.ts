import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * Troika consulting (Liberating Structures): quick advice in groups of three. The steps are short
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
      title: nlEn('Mijn vraag', 'My question'),
      prompt: nlEn('De inbrenger legt de vraag kort uit.', 'The presenter briefly explains the question.'),
      zoneKeys: ['mijn-vraag'],
      minutes: 2,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Verhelderende vragen', 'Clarifying questions'),
      prompt: nlEn(
        'De adviseurs stellen vragen om de vraag goed te begrijpen. De inbrenger antwoordt kort.',
        'The advisers ask questions to understand the question well. The presenter answers briefly.',
      ),
      zoneKeys: ['verhelderende-vragen'],
      minutes: 2,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Adviezen (inbrenger luistert)', 'Advice (presenter listens)'),
      prompt: nlEn(
        'De inbrenger draait zich om en luistert. De adviseurs bespreken de vraag samen en schrijven hun ' +
          'adviezen op.',
        'The presenter turns around and listens. The advisers discuss the question together and write down ' +
          'their advice.',
      ),
      zoneKeys: ['adviezen'],
      minutes: 5,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Wat neem ik mee?', 'What do I take away?'),
      prompt: nlEn(
        'De inbrenger draait zich weer om en vertelt wat nuttig was.',
        'The presenter turns back and tells what was useful.',
      ),
      zoneKeys: ['wat-neem-ik-mee'],
      minutes: 2,
      privateWriting: false,
      voting: false,
    },
  ],
}
