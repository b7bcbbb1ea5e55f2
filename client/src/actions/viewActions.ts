import type { Action } from './types'

/** Moving around the board: zoom, fit, zones, grid, tools. Everyone can do these, also viewers. */

const always = () => true

export const viewActions: readonly Action[] = [
  {
    id: 'view.zoomIn',
    group: 'view',
    labelKey: 'actions.zoomIn',
    shortcuts: ['+', '='],
    enabled: always,
    perform: ({ canvas }) => canvas.zoomIn(),
  },
  {
    id: 'view.zoomOut',
    group: 'view',
    labelKey: 'actions.zoomOut',
    shortcuts: ['-'],
    enabled: always,
    perform: ({ canvas }) => canvas.zoomOut(),
  },
  {
    id: 'view.zoom100',
    group: 'view',
    labelKey: 'actions.zoom100',
    shortcuts: ['0'],
    enabled: always,
    perform: ({ canvas }) => canvas.zoomTo100(),
  },
  {
    id: 'view.fit',
    group: 'view',
    labelKey: 'actions.zoomFit',
    shortcuts: ['F'],
    enabled: always,
    perform: ({ canvas }) => canvas.zoomToFit(),
  },
  {
    id: 'view.selection',
    group: 'view',
    labelKey: 'actions.zoomSelection',
    shortcuts: ['Shift+F'],
    enabled: ({ state }) => state.selectionCount > 0,
    perform: ({ canvas }) => canvas.zoomToSelection(),
  },
  {
    id: 'view.nextZone',
    group: 'view',
    labelKey: 'actions.nextZone',
    shortcuts: ['Z'],
    enabled: ({ state }) => state.zones.length > 0,
    perform: ({ canvas }) => canvas.nextZone(),
  },
  {
    id: 'view.snap',
    group: 'view',
    labelKey: 'actions.snap',
    shortcuts: ['G'],
    enabled: ({ state }) => state.canEdit,
    pressed: ({ state }) => state.snap,
    perform: ({ canvas }) => canvas.toggleSnap(),
  },
  {
    id: 'tool.pan',
    group: 'view',
    labelKey: 'actions.toolPan',
    shortcuts: ['H'],
    enabled: always,
    pressed: ({ state }) => state.tool === 'pan',
    perform: ({ canvas }) => canvas.setTool('pan'),
  },
  {
    id: 'tool.select',
    group: 'view',
    labelKey: 'actions.toolSelect',
    shortcuts: ['V'],
    enabled: always,
    pressed: ({ state }) => state.tool === 'select',
    // A toggle: pressing it again goes back to moving the board.
    perform: ({ canvas, state }) => canvas.setTool(state.tool === 'select' ? 'pan' : 'select'),
  },
]

/** "Go to zone: …" for every zone on the board, so the command menu can jump to a question. */
export function zoneActions(zones: readonly { id: string; title: string }[]): Action[] {
  return zones.map((zone) => ({
    id: `zone.goto.${zone.id}`,
    group: 'zones',
    labelKey: 'actions.gotoZone',
    labelValues: { title: zone.title },
    enabled: always,
    perform: ({ canvas }) => canvas.zoomToZone(zone.id),
  }))
}
