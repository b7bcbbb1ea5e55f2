import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * The incident method for peer consultation (intervisie): fixed steps from looking back at last
 * time, through choosing one incident, to advice and follow-up. One zone per step, in reading
 * order, so the board doubles as a record of the session.
 */

const cell = grid({ columnWidth: 680, rowHeights: [480, 480] })

export const incidentmethode: Template = {
  id: 'incidentmethode',
  version: 1,
  labels: nlEn('Incidentmethode', 'Incident method'),
  descriptions: nlEn(
    'Intervisie in vaste stappen. Iedereen brengt een kort incident uit het werk in. De groep kiest er één, ' +
      'stelt vragen, zoekt uit wat er speelt en geeft adviezen.',
    'Peer consultation in fixed steps. Everyone brings in a short incident from work. The group picks one, ' +
      'asks questions, finds out what is going on and gives advice.',
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
        'Zet hier het gekozen incident neer. Waarom kiezen we dit?',
        'Place the chosen incident here. Why do we choose it?',
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
      key: 'analyse',
      title: nlEn('Analyse', 'Analysis'),
      prompt: nlEn(
        "Wat is hier echt aan de hand? Welke patronen of thema's zie je?",
        'What is really going on here? Which patterns or themes do you see?',
      ),
      ...cell(0, 1),
      color: ZONE_TINTS.lilac,
    },
    {
      key: 'adviezen',
      title: nlEn('Adviezen', 'Advice'),
      prompt: nlEn(
        'Wat zou jij doen als je de inbrenger was? Eén advies per briefje.',
        'What would you do if you were the presenter? One piece of advice per note.',
      ),
      ...cell(1, 1),
      color: ZONE_TINTS.mint,
    },
    {
      key: 'evaluatie',
      title: nlEn('Evaluatie & vervolg', 'Evaluation & next steps'),
      prompt: nlEn(
        'Inbrenger: welke adviezen neem je mee? Iedereen: wat leer je hiervan voor je eigen werk?',
        'Presenter: which advice do you take on? Everyone: what do you learn for your own work?',
      ),
      ...cell(2, 1, 2),
      color: ZONE_TINTS.sand,
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
        'Schrijf alleen een incident op. De anderen zien je briefje pas als de begeleider het laat zien.',
        'Write down an incident on your own. Others only see your note when the facilitator reveals it.',
      ),
      zoneKeys: ['inbreng'],
      minutes: 10,
      privateWriting: true,
      voting: false,
    },
    {
      title: nlEn('Keuze casus', 'Choosing the case'),
      prompt: nlEn(
        'Stem op het incident waar de groep het meest van kan leren. Zet het gekozen briefje in het vak ' +
          'Keuze casus.',
        'Vote for the incident the group can learn most from. Move the chosen note to the zone Choosing the case.',
      ),
      zoneKeys: ['inbreng', 'keuze-casus'],
      minutes: 5,
      privateWriting: false,
      voting: true,
    },
    {
      title: nlEn('Vragenronde', 'Questions'),
      prompt: nlEn(
        'Stel om de beurt één vraag over de feiten: wat, wie, wanneer, hoe? De inbrenger antwoordt kort.',
        'Take turns asking one question about the facts: what, who, when, how? The presenter answers briefly.',
      ),
      zoneKeys: ['vragenronde'],
      minutes: 15,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Analyse', 'Analysis'),
      prompt: nlEn(
        'Wat is de kern van het probleem? Schrijf op wat je ziet, zonder oordeel.',
        'What is the core of the problem? Write down what you see, without judging.',
      ),
      zoneKeys: ['analyse'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Adviezen', 'Advice'),
      prompt: nlEn(
        'Iedereen geeft adviezen. De inbrenger luistert en reageert nog niet.',
        'Everyone gives advice. The presenter listens and does not respond yet.',
      ),
      zoneKeys: ['adviezen'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Evaluatie & vervolg', 'Evaluation & next steps'),
      prompt: nlEn(
        'De inbrenger vertelt wat hij of zij met de adviezen doet. Hoe was de sessie voor iedereen?',
        'The presenter tells what they will do with the advice. How was the session for everyone?',
      ),
      zoneKeys: ['evaluatie'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
  ],
}
