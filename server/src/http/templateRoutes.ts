import express, { Router } from 'express'
import { templateEditBody, templateFromBoardBody } from '../../../shared/src/api'
import { templateSummary } from '../../../shared/src/templates/apply'
import type { Template } from '../../../shared/src/templates/schema'
import { TEMPLATE_LIMITS } from '../../../shared/src/templates/schema'
import { bearerFrom } from '../auth/facilitatorKey'
import type { BoardService } from '../boards/boardService'
import { TemplateError, type TemplateService } from '../boards/templateService'
import type { BoardStore } from '../persistence/types'
import { loadBoard, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody } from './errors'

export interface TemplateRouteDeps {
  templates: TemplateService
  store: BoardStore
  boards: BoardService
}

/** What the gallery needs: names, sizes, and the zone rectangles for a small preview picture. */
function galleryEntry(template: Template, builtin: boolean) {
  return {
    id: template.id,
    builtin,
    labels: template.labels,
    descriptions: template.descriptions,
    zoneCount: templateSummary(template, 'nl').zoneCount,
    totalMinutes: templateSummary(template, 'nl').totalMinutes,
    preview: [
      ...template.zones.map(({ x, y, width, height }) => ({ x, y, width, height })),
      ...(template.sidePanel
        ? [template.sidePanel].map(({ x, y, width, height }) => ({ x, y, width, height }))
        : []),
    ],
  }
}

function asHttpError(error: unknown): never {
  if (!(error instanceof TemplateError)) throw error
  if (error.message === 'not_found')
    throw new HttpError(404, 'unknown_template', 'There is no such template.')
  if (error.message === 'forbidden')
    throw new HttpError(403, 'forbidden', 'This key may not change this template.')
  throw new HttpError(400, 'invalid_template', error.message)
}

export function templateRoutes(deps: TemplateRouteDeps): Router {
  const router = Router()

  router.get('/templates', async (_req, res) => {
    const all = await deps.templates.list()
    res.json({ templates: all.map(({ template, builtin }) => galleryEntry(template, builtin)) })
  })

  router.get('/templates/:id', async (req, res) => {
    const template = await deps.templates.resolve(String(req.params.id))
    if (!template) throw new HttpError(404, 'unknown_template', 'There is no such template.')
    if (req.query.download !== undefined) {
      res.setHeader('Content-Disposition', `attachment; filename="oogst-sjabloon-${template.id}.json"`)
    }
    res.json(template)
  })

  // Import: the body is the template file itself (sent as application/json, see jsonOnly.ts), read
  // as text so that parse errors can say where.
  router.post(
    '/templates',
    express.text({ type: 'application/json', limit: TEMPLATE_LIMITS.jsonChars + 1024 }),
    async (req, res) => {
      const text = typeof req.body === 'string' ? req.body : ''
      const saved = await deps.templates.save(text).catch(asHttpError)
      res.status(201).json({ ...galleryEntry(saved.template, false), editKey: saved.editKey })
    },
  )

  router.patch('/templates/:id', express.json({ limit: '20kb' }), async (req, res) => {
    const body = parseBody(templateEditBody, req)
    const key = bearerFrom(req.get('authorization')) ?? ''
    const template = await deps.templates
      .update(String(req.params.id), key, (current) => ({
        ...current,
        labels: { ...current.labels, ...body.labels },
        descriptions: { ...current.descriptions, ...body.descriptions },
      }))
      .catch(asHttpError)
    res.json(galleryEntry(template, false))
  })

  router.delete('/templates/:id', async (req, res) => {
    await deps.templates
      .remove(String(req.params.id), bearerFrom(req.get('authorization')) ?? '')
      .catch(asHttpError)
    res.status(204).end()
  })

  // "Save this board as a template": layout and round script, no notes.
  router.post('/boards/:id/template', express.json({ limit: '20kb' }), async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const body = parseBody(templateFromBoardBody, req)
    const saved = await deps.templates
      .saveFromBoard(board.id, {
        ...(body.label ? { label: body.label } : {}),
        ...(body.description ? { description: body.description } : {}),
      })
      .catch(asHttpError)
    res.status(201).json({ ...galleryEntry(saved.template, false), editKey: saved.editKey })
  })

  return router
}
