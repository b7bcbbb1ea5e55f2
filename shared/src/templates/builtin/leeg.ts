import { nlEn } from '../layout'
import type { Template } from '../schema'

/** An empty board for facilitators who build their own layout and script. */
export const leeg: Template = {
  id: 'leeg',
  version: 1,
  labels: nlEn('Leeg bord', 'Empty board'),
  descriptions: nlEn(
    'Begin met een leeg bord. Je maakt zelf vakken en rondes.',
    'Start with an empty board. You create zones and rounds yourself.',
  ),
  zones: [],
  rounds: [],
}
