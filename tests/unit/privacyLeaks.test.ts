import { describe, expect, it } from 'vitest'
import { createNote, createZone } from '../../shared/src/model'
import { setHarvestNotes } from '../../shared/src/model/harvestNotes'
import { buildReport, buildSampleBoard } from '../../shared/src/report'
import { renderMarkdown } from '../../shared/src/report/markdown'

/**
 * Two places the report's privacy options missed: the zone of a groepje is named after its
 * members ("Groepje 3: Fatima el Amrani, Sanne Jansen", issue 18), and the begeleider's own summary
 * texts ("Belangrijkste inzichten", "Vervolg") can hold a phone number like any note.
 */
describe('report privacy: group spaces and the summary texts', () => {
  it("replaces the members' names in a groepje's space when names are replaced", () => {
    const { content, control } = buildSampleBoard()
    const zone = createZone(content, {
      title: 'Groepje 3: Fatima el Amrani, Sanne Jansen',
      prompt: 'Fatima en Sanne bespreken samen',
      x: 5000,
      y: 0,
      width: 600,
      height: 400,
    })
    createNote(content, {
      x: 5100,
      y: 100,
      zoneId: zone,
      authorId: 'p-fatima',
      authorName: 'Fatima',
      text: 'Samen',
    })
    const kept = renderMarkdown(buildReport(content, control))
    expect(kept).toContain('Fatima el Amrani, Sanne Jansen')
    const model = buildReport(content, control, { names: 'numbered' })
    const numbered = renderMarkdown(model)
    expect(numbered).toContain('Groepje 3:')
    // Every format renders from the model: no member's name anywhere in it.
    for (const name of ['Fatima', 'Amrani', 'Sanne', 'Jansen']) {
      expect(numbered).not.toContain(name)
      expect(JSON.stringify(model)).not.toContain(name)
    }
  })

  it("redacts a phone number in the begeleider's insights and next steps, and keeps the rest", () => {
    const { content, control } = buildSampleBoard()
    setHarvestNotes(control, {
      insights: 'Bel Fatima op 06-12345678 over de buurtbus.',
      followUp: 'Mail naar wijkteam@example.nl voor de zaal.',
    })
    const plain = buildReport(content, control)
    expect(plain.harvest.insights).toContain('06-12345678')
    const redacted = buildReport(content, control, { redact: true })
    expect(redacted.harvest.insights).not.toContain('12345678')
    expect(redacted.harvest.insights).toContain('over de buurtbus')
    expect(redacted.harvest.followUp).not.toContain('wijkteam@example.nl')
  })
})
