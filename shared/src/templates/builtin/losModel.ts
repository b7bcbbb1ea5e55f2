import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * A community-of-practice session around one central question: explore the question, share
 * experience along the three questions of the LOS model, and close with concrete agreements.
 * Layout: the central question over the full width, the three questions side by side below it,
 * agreements at the bottom, so the board reads top to bottom in the order of the session.
 */

const cell = grid({ columnWidth: 720, rowHeights: [400, 560, 400] })

const CENTRAL_QUESTION = nlEn(
  'Hoe kunnen we het leren met de burger in de wijk vormgeven?',
  'How can we shape learning together with residents in the neighbourhood?',
)

export const losModel: Template = {
  id: 'los-model',
  version: 1,
  labels: nlEn('CoP-sessie: vraag & ervaring (LOS-model)', 'CoP session: question & experience (LOS model)'),
  descriptions: nlEn(
    'Een sessie rond één centrale vraag. Eerst verkennen jullie samen de vraag. Daarna vullen jullie het ' +
      "LOS-model in: wat werkt, wat zijn do's en don'ts, en hoe worden bewoners sterker als groep? " +
      'Jullie sluiten af met afspraken.',
    'A session around one central question. First you explore the question together. Then you fill in ' +
      "the LOS model: what works, what are the do's and don'ts, and how do residents get stronger as a " +
      'group? You finish with agreements.',
  ),
  centralQuestion: CENTRAL_QUESTION,
  zones: [
    {
      key: 'centrale-vraag',
      title: nlEn('Centrale vraag', 'Central question'),
      prompt: CENTRAL_QUESTION,
      ...cell(0, 0, 3),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'succesvolle-activiteiten',
      title: nlEn(
        'Welke succesvolle activiteiten in het samenwerken met burgers kun je delen?',
        'Which successful activities in working with residents can you share?',
      ),
      prompt: nlEn(
        'Beschrijf kort wat je deed, met wie, en wat het opleverde. Eén activiteit per briefje.',
        'Describe briefly what you did, with whom, and what it achieved. One activity per note.',
      ),
      ...cell(0, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'dos-en-donts',
      title: nlEn("Wat zijn de belangrijkste do's & don'ts?", "What are the most important do's & don'ts?"),
      prompt: nlEn(
        'Wat moet je zeker doen? En wat juist niet? Begin je briefje met "Do:" of "Don\'t:".',
        'What should you definitely do? And what not? Start your note with "Do:" or "Don\'t:".',
      ),
      ...cell(1, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'organisatiegraad',
      title: nlEn(
        'Hoe versterk je de organisatiegraad van bewoners?',
        'How do you strengthen how well residents are organised?',
      ),
      prompt: nlEn(
        'Hoe helpen we bewoners om zich samen te organiseren, zodat ze zelf dingen voor elkaar krijgen?',
        'How do we help residents organise themselves together, so they can get things done themselves?',
      ),
      ...cell(2, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'afspraken',
      title: nlEn('Afspraken', 'Agreements'),
      prompt: nlEn(
        'Wie doet wat, en wanneer? Eén afspraak per briefje.',
        'Who does what, and by when? One agreement per note.',
      ),
      ...cell(0, 2, 3),
      color: ZONE_TINTS.mint,
    },
  ],
  rounds: [
    {
      title: nlEn('Verkenning vraag en verdieping', 'Exploring and deepening the question'),
      prompt: nlEn(
        'Lees de centrale vraag. Wat betekent die voor jou? Welke vragen heb je er nog bij? ' +
          'Schrijf één gedachte per briefje.',
        'Read the central question. What does it mean to you? Which further questions do you have? ' +
          'Write one thought per note.',
      ),
      zoneKeys: ['centrale-vraag'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('LOS-model invullen en ervaring delen', 'Filling in the LOS model and sharing experience'),
      prompt: nlEn(
        'Deel je eigen ervaringen bij de drie vragen. Lees wat anderen schrijven en vul aan.',
        'Share your own experiences for the three questions. Read what others write and add to it.',
      ),
      zoneKeys: ['succesvolle-activiteiten', 'dos-en-donts', 'organisatiegraad'],
      minutes: 35,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Oogst & afspraken', 'Harvest & agreements'),
      prompt: nlEn(
        'Wat nemen we mee uit deze sessie? Maak concrete afspraken: wie doet wat, en wanneer?',
        'What do we take away from this session? Make concrete agreements: who does what, and by when?',
      ),
      zoneKeys: ['afspraken'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
  ],
}
