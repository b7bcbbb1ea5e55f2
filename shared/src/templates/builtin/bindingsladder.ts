import { nlEn, ZONE_GAP, ZONE_TINTS } from '../layout'
import type { BilingualText, Template, TemplateZone } from '../schema'

/**
 * The ladder of involvement (bindingsladder): six steps from visitor to neighbourhood connector.
 * The lanes are drawn as a staircase, lowest step at the bottom left, each next step one row up and
 * a bit to the right, so the picture itself says "climbing". The same three questions go over
 * all steps, one round each.
 */

interface Step {
  key: string
  name: BilingualText
  description: BilingualText
  color: string
}

const STEPS: Step[] = [
  {
    key: 'bezoeker',
    name: nlEn('Bezoeker', 'Visitor'),
    description: nlEn('Komt af en toe langs bij een activiteit.', 'Drops in at an activity now and then.'),
    color: ZONE_TINTS.sand,
  },
  {
    key: 'deelnemer',
    name: nlEn('Deelnemer', 'Participant'),
    description: nlEn('Doet vaak mee en hoort erbij.', 'Takes part often and belongs to the group.'),
    color: ZONE_TINTS.sun,
  },
  {
    key: 'ondersteuner',
    name: nlEn('Ondersteuner', 'Supporter'),
    description: nlEn(
      'Helpt mee met taken, zoals koffie zetten, opbouwen of flyers rondbrengen.',
      'Helps with tasks such as making coffee, setting up or handing out flyers.',
    ),
    color: ZONE_TINTS.mint,
  },
  {
    key: 'kartrekker',
    name: nlEn('Kartrekker', 'Driving force'),
    description: nlEn(
      'Neemt zelf initiatief en trekt een activiteit.',
      'Takes initiative and leads an activity.',
    ),
    color: ZONE_TINTS.sky,
  },
  {
    key: 'coordinator',
    name: nlEn('Coördinator', 'Coordinator'),
    description: nlEn(
      'Organiseert meerdere activiteiten of vrijwilligers en verdeelt de taken.',
      'Organises several activities or volunteers and divides the tasks.',
    ),
    color: ZONE_TINTS.lilac,
  },
  {
    key: 'wijkverbinder',
    name: nlEn('Wijkverbinder', 'Neighbourhood connector'),
    description: nlEn(
      'Verbindt mensen, groepen en organisaties in de hele wijk.',
      'Connects people, groups and organisations across the whole neighbourhood.',
    ),
    color: ZONE_TINTS.rose,
  },
]

const LANE = { width: 760, height: 400, stepRight: 200 }

const lanes: TemplateZone[] = STEPS.map((step, index) => ({
  key: step.key,
  title: nlEn(`Trede ${index + 1}: ${step.name.nl}`, `Step ${index + 1}: ${step.name.en}`),
  prompt: step.description,
  x: index * LANE.stepRight,
  // Highest step at the top: row 0 belongs to the last step.
  y: (STEPS.length - 1 - index) * (LANE.height + ZONE_GAP),
  width: LANE.width,
  height: LANE.height,
  color: step.color,
}))

const ALL_STEPS = STEPS.map((step) => step.key)

export const bindingsladder: Template = {
  id: 'bindingsladder',
  version: 1,
  labels: nlEn('Bindingsladder', 'Ladder of involvement'),
  descriptions: nlEn(
    'Hoe raken bewoners meer betrokken? De ladder heeft zes treden: van bezoeker tot wijkverbinder. ' +
      'Bespreek wie waar staat, wat helpt om een trede hoger te komen en wat jouw rol daarin is.',
    'How do residents get more involved? The ladder has six steps: from visitor to neighbourhood ' +
      'connector. Discuss who is where, what helps to move one step up and what your role is.',
  ),
  zones: lanes,
  rounds: [
    {
      title: nlEn('Wie staat waar?', 'Who is where?'),
      prompt: nlEn(
        'Denk aan bewoners met wie je werkt. Op welke trede staan ze nu? Schrijf een rol of omschrijving ' +
          'op, geen namen.',
        'Think of residents you work with. Which step are they on now? Write a role or description, ' +
          'no names.',
      ),
      zoneKeys: ALL_STEPS,
      minutes: 10,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Wat helpt een trede hoger?', 'What helps to move one step up?'),
      prompt: nlEn(
        'Wat helpt iemand om een trede hoger te komen? Zet je briefje bij de trede waar iemand nu staat.',
        'What helps someone to move one step up? Put your note at the step where that person is now.',
      ),
      zoneKeys: ALL_STEPS,
      minutes: 15,
      privateWriting: false,
      voting: false,
    },
    {
      title: nlEn('Rol van de professional per trede', 'Role of the professional per step'),
      prompt: nlEn(
        'Wat doe jij als professional bij elke trede? En waar laat je los?',
        'What do you do as a professional at each step? And where do you let go?',
      ),
      zoneKeys: ALL_STEPS,
      minutes: 15,
      privateWriting: false,
      voting: false,
    },
  ],
}
