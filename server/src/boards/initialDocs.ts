import * as Y from 'yjs'
import { ensureFacilitationState } from '../../../shared/src/model/facilitation'
import { initBoardMeta, type Language } from '../../../shared/src/model/meta'
import { ensureSessionState } from '../../../shared/src/model/session'
import { applyTemplate } from '../../../shared/src/templates/apply'
import type { Template } from '../../../shared/src/templates/schema'

/**
 * Builds the first state of a new board's documents from a template. The server writes it into
 * the log before it hands out any link, so the first visitor already sees title, zones and rounds
 * (and no two facilitators can race to create the rounds list).
 */
export interface InitialDocs {
  content: Uint8Array
  control: Uint8Array
}

export function buildInitialDocs(init: {
  title: string
  language: Language
  template: Template
}): InitialDocs {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: init.title, language: init.language })
  applyTemplate(content, control, init.template, { title: init.title, language: init.language })
  // Nested session collections exist from the start, so no two facilitators race to create them.
  ensureSessionState(control)
  ensureFacilitationState(control)
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}
