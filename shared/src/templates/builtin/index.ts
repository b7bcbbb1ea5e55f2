import type { Template } from '../schema'
import { actieCheck } from './actieCheck'
import { bindingsladder } from './bindingsladder'
import { eenTweeVierAllen } from './eenTweeVierAllen'
import { incidentmethode } from './incidentmethode'
import { interventieSlim } from './interventieSlim'
import { leeg } from './leeg'
import { lerenVanSuccessen } from './lerenVanSuccessen'
import { losModel } from './losModel'
import { troikaConsult } from './troikaConsult'

/** Freezes a built-in so a caller that edits "its" template cannot change it for everyone else. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The templates offered when creating a board, in picker order: empty first, then by session type. */
export const BUILTIN_TEMPLATES: readonly Template[] = [
  leeg,
  losModel,
  lerenVanSuccessen,
  actieCheck,
  incidentmethode,
  troikaConsult,
  eenTweeVierAllen,
  bindingsladder,
  interventieSlim,
].map(deepFreeze)

export function getBuiltinTemplate(id: string): Template | null {
  return BUILTIN_TEMPLATES.find((template) => template.id === id) ?? null
}
