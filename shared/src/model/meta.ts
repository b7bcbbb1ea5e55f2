import type * as Y from 'yjs'
import { metaRoot, SCHEMA_VERSION } from './schema'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export interface BoardMeta {
  title: string
  language: Language
  schemaVersion: number
  createdAt: number
}

/** Writes the meta record of a brand-new board. */
export function initBoardMeta(
  doc: Y.Doc,
  init: { title: string; language: Language; createdAt?: number },
): void {
  const meta = metaRoot(doc)
  doc.transact(() => {
    meta.set('title', init.title)
    meta.set('language', init.language)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('createdAt', init.createdAt ?? Date.now())
  })
}

export function readBoardMeta(doc: Y.Doc): BoardMeta {
  const meta = metaRoot(doc)
  const title = meta.get('title')
  const language = meta.get('language')
  const schemaVersion = meta.get('schemaVersion')
  const createdAt = meta.get('createdAt')
  return {
    title: typeof title === 'string' ? title : '',
    language: language === 'en' ? 'en' : 'nl',
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : SCHEMA_VERSION,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  }
}

export function setBoardTitle(doc: Y.Doc, title: string): void {
  metaRoot(doc).set('title', title)
}

export function observeBoardMeta(doc: Y.Doc, listener: () => void): () => void {
  const meta = metaRoot(doc)
  meta.observe(listener)
  return () => meta.unobserve(listener)
}
