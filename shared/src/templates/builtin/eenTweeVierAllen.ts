import { grid, nlEn, ZONE_TINTS } from '../layout'
import type { Template } from '../schema'

/**
 * 1-2-4-all followed by What? So what? Now what? (Liberating Structures). Everyone thinks alone
 * first (private writing, so the loudest voice does not set the direction), then in ever larger
 * groups; the second row turns the result into meaning and next steps.
 * The top row has four zones and the bottom row three, with the same total width.
 * The first four rounds are group steps (issue 18) with the method's timings: 1 min alone, 2 min in
 * pairs, 4 min in fours formed from the pairs, 5 min all together, where each four's "ons inzicht"
 * arrives in the zone Iedereen. Source: Lipmanowicz & McCandless, "1-2-4-All",
 * https://www.liberatingstructures.com/1-1-2-4-all/ (see docs/templates.md).
 */

const ROWS = [480, 480]
const topRow = grid({ columnWidth: 650, rowHeights: ROWS })
const bottomRow = grid({ columnWidth: 880, rowHeights: ROWS })

export const eenTweeVierAllen: Template = {
  id: '1-2-4-allen',
  version: 1,
  labels: nlEn('1-2-4-allen → Wat? Zo wat? Nu wat?', '1-2-4-all → What? So what? Now what?'),
  descriptions: nlEn(
    "Iedereen denkt mee. Eerst alleen, dan met z'n tweeën, dan met z'n vieren en dan met de hele groep. " +
      'Daarna kijken jullie terug: wat gebeurde er, wat betekent het en wat gaan we nu doen?',
    'Everyone takes part. First alone, then in pairs, then in groups of four and then with the whole ' +
      'group. Then you look back: what happened, what does it mean and what do we do now?',
  ),
  zones: [
    {
      key: 'alleen',
      title: nlEn('Alleen', 'Alone'),
      prompt: nlEn(
        'Denk eerst zelf na over de vraag. Schrijf je ideeën op, één per briefje.',
        'First think about the question yourself. Write down your ideas, one per note.',
      ),
      ...topRow(0, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'duo',
      title: nlEn('Duo', 'Pairs'),
      prompt: nlEn(
        'Bespreek je ideeën met één ander. Welke ideeën worden samen sterker?',
        'Discuss your ideas with one other person. Which ideas get stronger together?',
      ),
      ...topRow(1, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'viertal',
      title: nlEn('Viertal', 'Groups of four'),
      prompt: nlEn(
        "Twee duo's samen. Welke ideeën springen eruit? Wat is hetzelfde, wat is anders?",
        'Two pairs together. Which ideas stand out? What is the same, what is different?',
      ),
      ...topRow(2, 0),
      color: ZONE_TINTS.sun,
    },
    {
      key: 'iedereen',
      title: nlEn('Iedereen', 'Everyone'),
      prompt: nlEn(
        'Elk viertal deelt het belangrijkste idee. Stem op wat jij het sterkst vindt.',
        'Each group of four shares its most important idea. Vote for what you find strongest.',
      ),
      ...topRow(3, 0),
      color: ZONE_TINTS.rose,
    },
    {
      key: 'wat',
      title: nlEn('Wat?', 'What?'),
      prompt: nlEn(
        'Wat is er gebeurd? Wat zag, hoorde en merkte je? Alleen feiten.',
        'What happened? What did you see, hear and notice? Facts only.',
      ),
      ...bottomRow(0, 1),
      color: ZONE_TINTS.sky,
    },
    {
      key: 'zo-wat',
      title: nlEn('Zo wat?', 'So what?'),
      prompt: nlEn(
        'Wat betekent dit? Welke patronen zie je? Waarom is het belangrijk?',
        'What does this mean? Which patterns do you see? Why does it matter?',
      ),
      ...bottomRow(1, 1),
      color: ZONE_TINTS.lilac,
    },
    {
      key: 'nu-wat',
      title: nlEn('Nu wat?', 'Now what?'),
      prompt: nlEn(
        'Wat gaan we nu doen? Wat is de eerste stap, en wie zet die?',
        'What do we do now? What is the first step, and who takes it?',
      ),
      ...bottomRow(2, 1),
      color: ZONE_TINTS.mint,
    },
  ],
  rounds: [
    {
      title: nlEn('Alleen', 'Alone'),
      prompt: nlEn(
        'Schrijf alleen, zonder te overleggen. De anderen zien je briefjes later.',
        'Write on your own, without talking. The others see your notes later.',
      ),
      zoneKeys: ['alleen'],
      minutes: 1,
      privateWriting: true,
      voting: false,
      groupSize: 1,
    },
    {
      title: nlEn('Duo', 'Pairs'),
      prompt: nlEn(
        "Met z'n tweeën: bespreek je ideeën in de ruimte van je groepje. Welke worden samen sterker?",
        "In pairs: discuss your ideas in your small group's space. Which get stronger together?",
      ),
      zoneKeys: ['duo'],
      minutes: 2,
      privateWriting: false,
      voting: false,
      groupSize: 2,
    },
    {
      title: nlEn('Viertal', 'Groups of four'),
      prompt: nlEn(
        "Twee duo's samen. Kies één briefje als 'ons inzicht': dat gaat naar de hele groep.",
        "Two pairs together. Choose one note as 'our insight': it goes to the whole group.",
      ),
      zoneKeys: ['viertal'],
      minutes: 4,
      privateWriting: false,
      voting: false,
      groupSize: 4,
    },
    {
      title: nlEn('Iedereen', 'Everyone'),
      prompt: nlEn(
        'Het inzicht van elk viertal staat nu bij Iedereen, met de namen van het groepje. Stem op de ideeën ' +
          'die jij het sterkst vindt.',
        "Each group of four's insight is now under Everyone, with the small group's names. Vote for the ideas " +
          'you find strongest.',
      ),
      zoneKeys: ['iedereen'],
      minutes: 5,
      privateWriting: false,
      voting: true,
      gatherInsights: true,
    },
    {
      title: nlEn('Wat?', 'What?'),
      zoneKeys: ['wat'],
      minutes: 5,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Zo wat?', 'So what?'),
      zoneKeys: ['zo-wat'],
      minutes: 8,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Nu wat?', 'Now what?'),
      zoneKeys: ['nu-wat'],
      minutes: 8,
      privateWriting: false,
      voting: false,
    },
  ],
}
