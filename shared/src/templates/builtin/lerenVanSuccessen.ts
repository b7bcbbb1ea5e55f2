import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * Learning from what went well (appreciative): one success story is taken apart into the
 * storyteller's own effort and the help of the surroundings, so the group sees which part it can
 * copy. Own effort and context sit side by side because the point is comparing them.
 */

const cell = grid({ columnWidth: 800, rowHeights: [440, 520, 440, 440] })

export const lerenVanSuccessen: Template = {
  id: 'leren-van-successen',
  version: 1,
  labels: nlEn('Leren van successen', 'Learning from successes'),
  descriptions: nlEn(
    'Iemand vertelt over iets dat goed ging. Samen zoeken jullie uit wat het succes maakte: de eigen inzet, ' +
      'de steun van anderen en wat echt werkte. Daarna bespreken jullie wat je meeneemt.',
    'Someone tells about something that went well. Together you find out what made it a success: their own ' +
      'effort, support from others and what really worked. Then you discuss what you take away.',
  ),
  zones: [
    {
      key: 'succesverhaal',
      title: nlEn('Succesverhaal', 'Success story'),
      prompt: nlEn(
        'Eén deelnemer vertelt over iets dat goed ging in het werk. Wat gebeurde er? Wie waren erbij? ' +
          'Wat was het resultaat?',
        'One participant tells about something that went well at work. What happened? Who was involved? ' +
          'What was the result?',
      ),
      ...cell(0, 0, 2),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'eigen-inzet',
      title: nlEn('Eigen inzet & kwaliteiten', 'Own effort & qualities'),
      prompt: nlEn(
        'Wat deed de verteller zelf? Welke kwaliteiten zie je?',
        'What did the storyteller do? Which qualities do you see?',
      ),
      ...cell(0, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'context',
      title: nlEn('Context & steun van anderen', 'Context & support from others'),
      prompt: nlEn(
        "Wat hielp er van buiten? Denk aan collega's, bewoners, de organisatie, de gemeente, tijd en geld.",
        'What helped from outside? Think of colleagues, residents, the organisation, the municipality, ' +
          'time and money.',
      ),
      ...cell(1, 1),
      color: ZONE_TINTS.lilac,
    },
    {
      key: 'wat-werkte',
      title: nlEn('Wat werkte écht?', 'What really worked?'),
      prompt: nlEn(
        'Welke dingen maakten het verschil? Stem op de drie belangrijkste.',
        'Which things made the difference? Vote for the three most important ones.',
      ),
      ...cell(0, 2, 2),
      color: ZONE_TINTS.rose,
    },
    {
      key: 'verder',
      title: nlEn('Wat leren we, waar gaan we mee verder?', 'What do we learn, what do we take forward?'),
      prompt: nlEn(
        'Wat kun je gebruiken in je eigen werk? Wat gaan we samen verder uitzoeken of doen?',
        'What can you use in your own work? What will we explore or do together next?',
      ),
      ...cell(0, 3, 2),
      color: ZONE_TINTS.mint,
    },
  ],
  rounds: [
    {
      title: nlEn('Succesverhaal', 'Success story'),
      prompt: nlEn(
        'Luister naar het verhaal. Schrijf op wat je opvalt: één punt per briefje.',
        'Listen to the story. Write down what strikes you: one point per note.',
      ),
      zoneKeys: ['succesverhaal'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Eigen inzet en context', 'Own effort and context'),
      prompt: nlEn(
        'Wat kwam door de verteller zelf, en wat door de omgeving? Zet je briefje in het juiste vak.',
        'What was due to the storyteller, and what to the surroundings? Put your note in the right zone.',
      ),
      zoneKeys: ['eigen-inzet', 'context'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Wat werkte écht?', 'What really worked?'),
      prompt: nlEn(
        'Kijk naar alle briefjes. Wat maakte echt het verschil? Schrijf het op en stem daarna op de drie ' +
          'belangrijkste punten.',
        'Look at all the notes. What really made the difference? Write it down, then vote for the three ' +
          'most important points.',
      ),
      zoneKeys: ['wat-werkte'],
      minutes: 10,
      privateWriting: false,
      voting: true,
    },
    {
      title: nlEn('Wat leren we, waar gaan we mee verder?', 'What do we learn, what do we take forward?'),
      prompt: nlEn(
        'Wat neem je mee naar je eigen werk? Wat willen we samen verder oppakken?',
        'What do you take to your own work? What do we want to take further together?',
      ),
      zoneKeys: ['verder'],
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
  ],
}
