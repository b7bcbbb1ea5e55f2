import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { buildReport } from '../../shared/src/report/buildReport'
import { renderCsv } from '../../shared/src/report/csv'
import { renderMarkdown } from '../../shared/src/report/markdown'

/** A note a facilitator wrote for someone says so in the report (issue 14, part 2). */
describe('report: notes entered by the facilitator', () => {
  it("shows 'ingebracht door begeleider' after the author, and nothing for other notes", () => {
    const content = new Y.Doc()
    const control = new Y.Doc()
    const entered = createNote(content, { x: 0, y: 0, authorId: 'p1', authorName: 'Anna', text: 'Voor Anna' })
    createNote(content, { x: 300, y: 0, authorId: 'p2', authorName: 'Bram', text: 'Van Bram' })
    ;(notesRoot(content).get(entered) as Y.Map<unknown>).set('enteredBy', 'f1')
    const model = buildReport(content, control)
    expect(model.notes.find((note) => note.id === entered)?.enteredBy).toBe(true)
    const markdown = renderMarkdown(model)
    expect(markdown).toContain('Anna (ingebracht door begeleider)')
    expect(markdown).not.toContain('Bram (ingebracht')
    expect(renderCsv(model)).toContain('Anna (ingebracht door begeleider)')
  })
})
