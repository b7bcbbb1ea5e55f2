import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { setBoardTitle } from '../../shared/src/model/meta'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { docsFromBackup, parseBackup, renderJson } from '../../shared/src/report/backup'
import { buildReport } from '../../shared/src/report/buildReport'
import { renderHtml } from '../../shared/src/report/html'
import { renderMarkdown } from '../../shared/src/report/markdown'
import { mergeNotes, readMergedCount } from '../../shared/src/suggest/merge'

/** Near-duplicates merged into one note (issue 20) still count as written by three in the harvest. */
describe('report: merged notes', () => {
  function board() {
    const content = new Y.Doc()
    const control = new Y.Doc()
    setBoardTitle(content, 'Buurtavond')
    const ids = ['Anna', 'Bram', 'Cor'].map((name, i) =>
      createNote(content, {
        x: i * 300,
        y: 0,
        authorId: `p${i}`,
        authorName: name,
        text: 'Gelijkwaardigheid',
      }),
    )
    createNote(content, { x: 0, y: 300, authorId: 'p3', authorName: 'Dirk', text: 'Korte lijntjes' })
    mergeNotes(content, ids[0] as string, ids.slice(1))
    return { content, control, kept: ids[0] as string }
  }

  it("says '3× geschreven' with the kept note in Markdown and HTML, and nothing with ordinary notes", () => {
    const { content, control } = board()
    const model = buildReport(content, control)
    expect(renderMarkdown(model)).toContain('3× geschreven')
    expect(renderHtml(model)).toContain('3× geschreven')
    expect(renderMarkdown(model).match(/× geschreven/g)?.length).toBe(
      renderMarkdown(model).match(/3× geschreven/g)?.length,
    )
  })

  it('keeps the count through a JSON backup and its import', () => {
    const { content, control, kept } = board()
    const backup = parseBackup(JSON.parse(renderJson(buildReport(content, control))))
    if (!backup.ok) throw new Error('backup did not parse')
    const restored = docsFromBackup(backup.backup)
    expect(readMergedCount(notesRoot(restored.content).get(kept) as Y.Map<unknown>)).toBe(3)
  })
})
