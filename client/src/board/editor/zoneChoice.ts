import type { ZoneData } from '../../../../shared/src/model'
import type { Viewport } from '../../canvas/viewport'

/**
 * Which question a note from "+ Briefje" is for. A note outside every question is lost for the
 * report, and on a phone the middle of the screen is often outside every zone, so the note never
 * goes "wherever the middle is": it goes to the round's question, else to the one question the
 * person is looking at, and otherwise the person is asked.
 */

export interface ZoneChoiceContext {
  zones: readonly ZoneData[]
  /** The running round's questions, in script order (empty between rounds). */
  roundZoneIds: readonly string[]
  /** Zones this person may not put a note in. */
  closed: ReadonlySet<string>
}

export type ZoneChoice = { kind: 'zone'; zoneId: string | null } | { kind: 'ask' }

/** A zone counts as "the one in view" when this much of the screen shows it… */
const SCREEN_SHARE = 0.4
/** …or when this much of the zone is on screen. */
const ZONE_SHARE = 0.5

function visibleArea(zone: ZoneData, view: Viewport, size: { width: number; height: number }): number {
  const left = Math.max(zone.x * view.scale + view.x, 0)
  const top = Math.max(zone.y * view.scale + view.y, 0)
  const right = Math.min((zone.x + zone.width) * view.scale + view.x, size.width)
  const bottom = Math.min((zone.y + zone.height) * view.scale + view.y, size.height)
  return right > left && bottom > top ? (right - left) * (bottom - top) : 0
}

/** The zones that the screen mostly shows, most visible first. */
export function zonesInView(
  zones: readonly ZoneData[],
  view: Viewport,
  size: { width: number; height: number },
): ZoneData[] {
  const screen = Math.max(1, size.width * size.height)
  return zones
    .map((zone) => {
      const area = visibleArea(zone, view, size)
      const own = Math.max(1, zone.width * zone.height * view.scale * view.scale)
      return { zone, area, inView: area / screen >= SCREEN_SHARE || area / own >= ZONE_SHARE }
    })
    .filter((entry) => entry.inView)
    .sort((a, b) => b.area - a.area)
    .map((entry) => entry.zone)
}

/**
 * `lastZoneId`: the question of this person's previous note. Right after writing one, the view
 * shows the end of that question and often the start of the next; the person most likely goes on
 * where they were, so that question wins among those in view.
 */
export function chooseZoneForNewNote(
  context: ZoneChoiceContext,
  view: Viewport,
  size: { width: number; height: number } | null,
  lastZoneId: string | null = null,
): ZoneChoice {
  const open = context.zones.filter((zone) => !context.closed.has(zone.id))
  if (context.zones.length === 0) return { kind: 'zone', zoneId: null }
  if (open.length === 1 && open[0]) return { kind: 'zone', zoneId: open[0].id }
  const inView = size ? zonesInView(open, view, size) : []
  const round = open.filter((zone) => context.roundZoneIds.includes(zone.id))
  if (round.length === 1 && round[0]) return { kind: 'zone', zoneId: round[0].id }
  const candidates = round.length > 1 ? inView.filter((zone) => round.includes(zone)) : inView
  if (candidates.length === 1 && candidates[0]) return { kind: 'zone', zoneId: candidates[0].id }
  if (lastZoneId !== null && candidates.some((zone) => zone.id === lastZoneId))
    return { kind: 'zone', zoneId: lastZoneId }
  return { kind: 'ask' }
}
