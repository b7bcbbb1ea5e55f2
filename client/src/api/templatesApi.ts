import { request } from './http'

/** The templates endpoints (server/src/http/templateRoutes.ts). */

export interface Bilingual {
  nl: string
  en: string
}

export interface PreviewRect {
  x: number
  y: number
  width: number
  height: number
}

/** One card in the gallery. */
export interface TemplateEntry {
  id: string
  builtin: boolean
  labels: Bilingual
  descriptions: Bilingual
  zoneCount: number
  totalMinutes: number
  preview: PreviewRect[]
}

/** A template this device just made: the edit key comes only with this answer. */
export interface SavedTemplate extends TemplateEntry {
  editKey: string
}

export interface TemplateTextPatch {
  labels?: Partial<Bilingual>
  descriptions?: Partial<Bilingual>
}

const base = (id: string) => `/api/templates/${encodeURIComponent(id)}`

export async function listTemplates(): Promise<TemplateEntry[]> {
  const { templates } = await request<{ templates: TemplateEntry[] }>('/api/templates')
  return templates
}

/** The address that downloads the template as a JSON file. */
export function templateDownloadUrl(id: string): string {
  return `${base(id)}?download`
}

/** Imports a template file as it is; a 400 `invalid_template` explains what is wrong in it. */
export function importTemplate(fileText: string): Promise<SavedTemplate> {
  return request('/api/templates', { method: 'POST', text: fileText })
}

export function updateTemplate(
  id: string,
  editKey: string,
  patch: TemplateTextPatch,
): Promise<TemplateEntry> {
  return request(base(id), { method: 'PATCH', body: patch, bearer: editKey })
}

export async function deleteTemplate(id: string, editKey: string): Promise<void> {
  await request(base(id), { method: 'DELETE', bearer: editKey })
}

/** "Save this board as a template" (facilitators): layout and rounds, no notes. */
export function saveBoardAsTemplate(
  boardId: string,
  facilitatorToken: string,
  input: { label?: string; description?: string },
): Promise<SavedTemplate> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/template`, {
    method: 'POST',
    body: input,
    bearer: facilitatorToken,
  })
}
