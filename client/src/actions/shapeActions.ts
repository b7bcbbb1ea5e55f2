import { SHAPE_COLORS } from '../../../shared/src/model'
import type { Action, ActionContext } from './types'

/** Facilitators annotate: text labels, rectangles, ellipses, arrows between two notes. */

const facilitator = ({ state }: ActionContext) => state.canEdit && state.isFacilitator

export const shapeActions: readonly Action[] = [
  {
    id: 'shape.text',
    group: 'shapes',
    labelKey: 'actions.addText',
    shortcuts: ['T'],
    enabled: facilitator,
    perform: ({ canvas }) => canvas.addShape('text'),
  },
  {
    id: 'shape.rect',
    group: 'shapes',
    labelKey: 'actions.addRect',
    shortcuts: ['R'],
    enabled: facilitator,
    perform: ({ canvas }) => canvas.addShape('rect'),
  },
  {
    id: 'shape.ellipse',
    group: 'shapes',
    labelKey: 'actions.addEllipse',
    shortcuts: ['O'],
    enabled: facilitator,
    perform: ({ canvas }) => canvas.addShape('ellipse'),
  },
  {
    id: 'shape.connect',
    group: 'shapes',
    labelKey: 'actions.connect',
    shortcuts: ['C'],
    enabled: (ctx) => facilitator(ctx) && ctx.state.connectable,
    perform: ({ canvas }) => canvas.connectSelection(),
  },
  ...SHAPE_COLORS.map(
    (color): Action => ({
      id: `shape.color.${color}`,
      group: 'shapes',
      labelKey: 'actions.shapeColor',
      labelValues: { color: { key: `shapeColors.${color}` } },
      enabled: (ctx) => facilitator(ctx) && ctx.state.selectedShapes > 0,
      pressed: ({ state }) => state.shapeColor === color,
      perform: ({ canvas }) => canvas.setShapeColor(color),
    }),
  ),
]
