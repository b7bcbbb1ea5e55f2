import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * The incident method for peer consultation (intervisie), after Jeroen Hendriksen (source and
 * timings in docs/templates.md): a look back at last time's advice, incidents written alone, one
 * chosen, questions to its inbrenger, standpoints written privately for the inbrenger only, the
 * inbrenger's reaction, then advice and agreements for all. One zone per step, in reading order,
 * so the board doubles as a record of the session. The zone key `terugblik` is where a next
 * session of a community puts last time's actions (docs/community.md): keep it.
 */

const cell = grid({ columnWidth: 680, rowHeights: [480, 480] })

/**
 * The steps around the chosen case run in groups: the whole group while there are at most eight
 * people, else groups of four to six (five, balanced). The facilitator chooses each group's
 * inbrenger (default: the author of the chosen case); the member after them is the notulist.
 */
const caseGroups = { groupSize: 5, wholeGroupUpTo: 8, inbrengerChosen: true, notulist: true } as const

export const incidentmethode: Template = {
  id: 'incidentmethode',
  version: 1,
  labels: nlEn('Incidentmethode', 'Incident method'),
  descriptions: nlEn(
    'Intervisie in vaste stappen. Iedereen schrijft een kort incident uit het werk op. De groep kiest er één ' +
      'en stelt vragen aan de inbrenger. Daarna schrijft ieder een standpunt dat eerst alleen de inbrenger ' +
      'ziet. De inbrenger reageert, en samen maak je afspraken.',
    'Peer consultation in fixed steps. Everyone writes down a short incident from work. The group picks one ' +
      'and asks the presenter questions. Then everyone writes a standpoint that only the presenter sees ' +
      'at first. The presenter reacts, and together you make agreements.',
  ),
  zones: [
    {
      key: 'terugblik',
      title: nlEn('Terugblik', 'Looking back'),
      prompt: nlEn(
        'Wat is er gebeurd met de adviezen van de vorige keer?',
        'What happened with the advice from last time?',
      ),
      ...cell(0, 0),
      color: ZONE_TINTS.sand,
    },
    {
      key: 'inbreng',
      title: nlEn('Inbreng', 'Incidents'),
      prompt: nlEn(
        'Een kort incident uit je werk: een situatie waarin je twijfelde of vastliep. ' +
          'Schrijf geen namen van bewoners of cliënten op.',
        'A short incident from your work: a situation where you doubted or got stuck. ' +
          'Do not write names of residents or clients.',
      ),
      ...cell(1, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'keuze-casus',
      title: nlEn('Keuze casus', 'Choosing the case'),
      prompt: nlEn(
        'Zet hier het gekozen incident neer. Wie het schreef, is de inbrenger.',
        'Place the chosen incident here. Whoever wrote it is the presenter.',
      ),
      ...cell(2, 0),
      color: ZONE_TINTS.rose,
    },
    {
      key: 'vragenronde',
      title: nlEn('Vragenronde', 'Questions'),
      prompt: nlEn(
        'Vragen om de situatie goed te begrijpen. Nog geen adviezen!',
        'Questions to understand the situation well. No advice yet!',
      ),
      ...cell(3, 0),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'standpunten',
      title: nlEn('Standpunten', 'Standpoints'),
      prompt: nlEn(
        'Wat zou jij doen als je de inbrenger was? En waarom? Eén standpunt per briefje.',
        'What would you do if you were the presenter? And why? One standpoint per note.',
      ),
      ...cell(0, 1, 2),
      color: ZONE_TINTS.mint,
    },
    {
      key: 'afspraken',
      title: nlEn('Adviezen en afspraken', 'Advice and agreements'),
      prompt: nlEn(
        'Inbrenger: welke adviezen neem je mee, en wat ga je doen? Iedereen: wat leer je hiervan?',
        'Presenter: which advice do you take on, and what will you do? Everyone: what do you learn?',
      ),
      ...cell(2, 1, 2),
      color: ZONE_TINTS.lilac,
    },
  ],
  rounds: [
    {
      title: nlEn('Terugblik', 'Looking back'),
      prompt: nlEn(
        'De inbrenger van de vorige keer vertelt kort wat er met de adviezen is gebeurd.',
        'Last time’s presenter briefly tells what happened with the advice.',
      ),
      zoneKeys: ['terugblik'],
      minutes: 5,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Inbreng', 'Bringing in incidents'),
      prompt: nlEn(
        'Schrijf alleen een kort incident op. De anderen zien je briefje pas als de begeleider het laat zien.',
        'Write down a short incident on your own. Others only see your note when the facilitator reveals it.',
      ),
      zoneKeys: ['inbreng'],
      minutes: 5,
      privateWriting: true,
      voting: false,
    },
    {
      title: nlEn('Keuze casus', 'Choosing the case'),
      prompt: nlEn(
        'Stem op het incident waar de groep het meest van kan leren. De begeleider zet het gekozen briefje ' +
          'in het vak Keuze casus.',
        'Vote for the incident the group can learn most from. The facilitator moves the chosen note to the ' +
          'zone Choosing the case.',
      ),
      zoneKeys: ['inbreng', 'keuze-casus'],
      minutes: 5,
      privateWriting: false,
      voting: true,
    },
    {
      title: nlEn('Vragenronde', 'Questions'),
      prompt: nlEn(
        'Stel om de beurt één vraag over de feiten: wat, wie, wanneer, hoe? De inbrenger antwoordt kort. ' +
          'Nog geen adviezen.',
        'Take turns asking one question about the facts: what, who, when, how? The presenter answers ' +
          'briefly. No advice yet.',
      ),
      // The chosen case is the round's second question: phones show it while people ask, and its
      // author is the default inbrenger (server/src/session/groupSteps.ts).
      zoneKeys: ['vragenronde', 'keuze-casus'],
      minutes: 15,
      privateWriting: false,
      voting: false,
      ...caseGroups,
    },
    {
      title: nlEn('Standpunten', 'Standpoints'),
      prompt: nlEn(
        'Schrijf alleen je standpunt op: wat zou jij doen, en waarom? Alleen de inbrenger leest mee, ' +
          'tot de begeleider de standpunten laat zien.',
        'Write your standpoint on your own: what would you do, and why? Only the presenter reads along ' +
          'until the facilitator reveals the standpoints.',
      ),
      zoneKeys: ['standpunten'],
      minutes: 5,
      privateWriting: true,
      voting: false,
      ...caseGroups,
    },
    {
      title: nlEn('Reactie inbrenger', 'The presenter reacts'),
      prompt: nlEn(
        'De inbrenger vertelt wat hij of zij echt deed en wat de standpunten oproepen. ' +
          'De notulist schrijft de kern op.',
        'The presenter tells what they actually did and what the standpoints bring up. ' +
          'The note taker writes down the gist.',
      ),
      zoneKeys: ['standpunten'],
      minutes: 5,
      privateWriting: false,
      voting: false,
      ...caseGroups,
    },
    {
      title: nlEn('Adviezen en afspraken', 'Advice and agreements'),
      prompt: nlEn(
        'Samen: welke adviezen neemt de inbrenger mee, wat spreken we af, en wat leert iedereen ervan?',
        'Together: which advice does the presenter take on, what do we agree, and what does everyone learn?',
      ),
      zoneKeys: ['afspraken', 'standpunten'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
  ],
}
