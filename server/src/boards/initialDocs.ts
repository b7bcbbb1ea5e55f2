import * as Y from 'yjs'
import { initBoardMeta, type Language } from '../../../shared/src/model/meta'

/**
 * Builds the first state of a new board's documents. The server writes it into the log before it
 * hands out any link, so the first visitor already sees title and zones.
 */
export interface InitialDocs {
  content: Uint8Array
  control: Uint8Array
}

export const KNOWN_TEMPLATE_IDS = ['leeg'] as const

export function isKnownTemplate(templateId: string): boolean {
  return (KNOWN_TEMPLATE_IDS as readonly string[]).includes(templateId)
}

export function buildInitialDocs(init: {
  title: string
  language: Language
  templateId: string
}): InitialDocs {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: init.title, language: init.language })
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}
