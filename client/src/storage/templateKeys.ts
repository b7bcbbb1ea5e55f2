import { readStoredRecord, writeStored } from './safeStorage'

/**
 * Edit keys of templates made on this device (saved from a board or imported). The server returns
 * a key once; whoever holds it may rename or delete the template, so it stays on this device only.
 */

const KEY = 'oogst.templateKeys'

export function getTemplateEditKey(templateId: string): string | null {
  const key = readStoredRecord<unknown>(KEY)[templateId]
  return typeof key === 'string' ? key : null
}

export function saveTemplateEditKey(templateId: string, editKey: string): void {
  writeStored(KEY, JSON.stringify({ ...readStoredRecord<unknown>(KEY), [templateId]: editKey }))
}

export function forgetTemplateEditKey(templateId: string): void {
  const all = readStoredRecord<unknown>(KEY)
  delete all[templateId]
  writeStored(KEY, JSON.stringify(all))
}
