import type * as Y from 'yjs'
import { readNoteClusterId } from '../model/clusters'
import { listNotes, type NoteData, updateNote } from '../model/notes'
import { fitZonesToNotes } from '../model/placement/boardLayout'
import { NOTE_GAP, zoneContentArea } from '../model/placement/geometry'
import { flowPositions } from '../model/placement/zoneFlow'
import { notesRoot } from '../model/schema'
import { listZones } from '../model/zones'

/**
 * Where the notes of groups just made from a suggestion go: each group in rows of its own at the
 * top of its question, with room above it for the group's name, then the question's other notes
 * in their reading order. A group that shares a row with another would get an outline overlapping
 * the other's (outlines are drawn around a group's notes), so every group starts a new row.
 */

/** Room above a group's first row for its name label (board units). */
const GROUP_LABEL_SPACE = 80

export function layoutGroupsFirst(doc: Y.Doc, zoneId: string, clusterIds: readonly string[]): void {
  const zone = listZones(doc).find((candidate) => candidate.id === zoneId)
  if (!zone) return
  const root = notesRoot(doc)
  const clusterOf = (note: NoteData) => {
    const map = root.get(note.id)
    return map ? readNoteClusterId(map) : null
  }
  const own = listNotes(doc).filter((note) => note.zoneId === zoneId)
  const chosen = new Set(clusterIds)
  const blocks = clusterIds.map((id) => ({
    label: true,
    notes: own.filter((note) => clusterOf(note) === id),
  }))
  const rest = own
    .filter((note) => !chosen.has(clusterOf(note) ?? ''))
    .sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id))
  blocks.push({ label: false, notes: rest })
  const area = zoneContentArea(zone)
  let top = area.y
  doc.transact(() => {
    for (const block of blocks) {
      if (block.notes.length === 0) continue
      const start = top + (block.label ? GROUP_LABEL_SPACE : 0)
      // The zone's own flow, moved down so that its first row starts at `start`.
      const positions = flowPositions({ ...zone, y: zone.y + start - area.y }, block.notes)
      let bottom = start
      for (const note of block.notes) {
        const spot = positions.get(note.id)
        if (!spot) continue
        updateNote(doc, note.id, spot)
        bottom = Math.max(bottom, spot.y + note.height)
      }
      top = bottom + NOTE_GAP
    }
    fitZonesToNotes(doc, new Set([zoneId]))
  })
}
