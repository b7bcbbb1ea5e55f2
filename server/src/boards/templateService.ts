import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { newObjectId } from '../../../shared/src/ids'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import { BUILTIN_TEMPLATES, getBuiltinTemplate } from '../../../shared/src/templates/builtin'
import { templateFromBoard } from '../../../shared/src/templates/fromBoard'
import { parseTemplateJson } from '../../../shared/src/templates/parse'
import { type Template, templateIdSchema } from '../../../shared/src/templates/schema'
import { facilitatorKeyMatches, hashFacilitatorKey } from '../auth/facilitatorKey'
import type { Persistence, TemplateRecord } from '../persistence/types'

export interface SavedTemplate {
  template: Template
  /** Allows editing and deleting; returned once. */
  editKey: string
}

export class TemplateError extends Error {}

/**
 * Built-in templates (data in shared/) plus the ones facilitators saved on this installation.
 * Saved templates get an id of their own (`eigen-…`) so they can never shadow a built-in one.
 */
export class TemplateService {
  constructor(private readonly store: Persistence) {}

  async resolve(id: string): Promise<Template | null> {
    // Ids come from URLs and request bodies: one outside the id format names no template, and
    // never reaches the store (PostgreSQL refuses NUL characters in text, with a 500).
    if (!templateIdSchema.safeParse(id).success) return null
    const builtin = getBuiltinTemplate(id)
    if (builtin) return builtin
    const record = await this.store.getTemplate(id)
    return record ? this.parseStored(record) : null
  }

  async list(): Promise<{ template: Template; builtin: boolean }[]> {
    const saved = await this.store.listTemplates()
    return [
      ...BUILTIN_TEMPLATES.map((template) => ({ template, builtin: true })),
      ...saved.map((record) => ({ template: this.parseStored(record), builtin: false })),
    ]
  }

  /** Validates and stores a template (an import or a board's layout). */
  async save(json: string): Promise<SavedTemplate> {
    const parsed = parseTemplateJson(json)
    if (!parsed.ok) throw new TemplateError(parsed.message)
    const template: Template = {
      ...parsed.template,
      id: `eigen-${newObjectId()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`,
    }
    const editKey = randomBytes(24).toString('base64url')
    const now = Date.now()
    await this.store.saveTemplate({
      id: template.id,
      json: JSON.stringify(template),
      editKeyHash: hashFacilitatorKey(editKey),
      createdAt: now,
      updatedAt: now,
    })
    return { template, editKey }
  }

  /** Layout and round script of a board, without its notes, as a new saved template. */
  async saveFromBoard(
    boardId: string,
    meta: { label?: string; description?: string },
  ): Promise<SavedTemplate> {
    const [content, control] = await Promise.all([
      this.readDoc(contentRoom(boardId)),
      this.readDoc(controlRoom(boardId)),
    ])
    const template = templateFromBoard(content, control, meta)
    return this.save(JSON.stringify(template))
  }

  /** Applies a change (new labels, descriptions) and validates the result again. */
  async update(id: string, editKey: string, change: (template: Template) => Template): Promise<Template> {
    const record = await this.authorize(id, editKey)
    const next = { ...change(this.parseStored(record)), id }
    const parsed = parseTemplateJson(JSON.stringify(next))
    if (!parsed.ok) throw new TemplateError(parsed.message)
    await this.store.updateTemplate(id, JSON.stringify(parsed.template), Date.now())
    return parsed.template
  }

  async remove(id: string, editKey: string): Promise<void> {
    await this.authorize(id, editKey)
    await this.store.deleteTemplate(id)
  }

  /** The stored record when the key matches; null-like failures are thrown as 'forbidden'. */
  private async authorize(id: string, editKey: string): Promise<TemplateRecord> {
    const record = templateIdSchema.safeParse(id).success ? await this.store.getTemplate(id) : null
    if (!record) throw new TemplateError('not_found')
    if (!facilitatorKeyMatches(editKey, record.editKeyHash)) throw new TemplateError('forbidden')
    return record
  }

  private parseStored(record: TemplateRecord): Template {
    const parsed = parseTemplateJson(record.json)
    // Stored JSON was validated on the way in; failing here means the schema got stricter.
    if (!parsed.ok) throw new Error(`stored template ${record.id} no longer validates: ${parsed.message}`)
    return parsed.template
  }

  private async readDoc(room: string): Promise<Y.Doc> {
    const stored = await this.store.loadRoom(room)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc
  }
}
