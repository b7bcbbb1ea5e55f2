import { useEffect, useRef } from 'react'
import type { NoteData } from '../../../../shared/src/model'
import type { BoardEditor } from '../../board/editor/BoardEditor'

/** The note a link points at (`/b/<id>#note=<noteId>`, a community search result), or null. */
export function noteFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('note')
  return value?.trim() ? value : null
}

// Read when the board code loads too: a link that also carries `#token=` loses its fragment to
// the access check (which keeps secrets out of the address bar) before the board renders.
let pending: string | null = typeof location === 'undefined' ? null : noteFromHash(location.hash)

function takePending(): string | null {
  const fromHash = noteFromHash(location.hash)
  const noteId = fromHash ?? pending
  pending = null
  if (fromHash) {
    const params = new URLSearchParams(location.hash.slice(1))
    params.delete('note')
    const rest = params.toString()
    history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''))
  }
  return noteId
}

/** Margin around the note when zooming to it, in board units. */
const MARGIN = 80

/**
 * Opens the board on the note a link names: once the note is there (the board may still be
 * syncing), the canvas selects it and zooms to it; the list view scrolls to it and focuses it.
 * Once per link: moving away from it afterwards is the person's own choice.
 */
export function useNoteLink(editor: BoardEditor, notes: readonly NoteData[], listView: boolean): void {
  const target = useRef<string | null | undefined>(undefined)
  if (target.current === undefined) target.current = takePending()
  const latestNotes = useRef(notes)
  latestNotes.current = notes
  // Re-tried on every change of the notes and of the editor (the canvas learns its size late).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `notes` is the trigger to try again
  useEffect(() => {
    const attempt = () => {
      const noteId = target.current
      if (!noteId) return
      const note = latestNotes.current.find((candidate) => candidate.id === noteId)
      if (!note) return
      if (listView) {
        const item = document.getElementById(`outline-note-${noteId}`)
        if (!item) return
        target.current = null
        item.scrollIntoView({ block: 'center' })
        item.focus()
        return
      }
      if (!editor.size) return
      target.current = null
      const rect = {
        x: note.x - MARGIN,
        y: note.y - MARGIN,
        width: note.width + 2 * MARGIN,
        height: note.height + 2 * MARGIN,
      }
      editor.select(noteId, false)
      editor.zoomToRect(rect)
      // The canvas fits the whole board once, when its content first arrives; when that lands
      // right after this, it would undo the zoom: zoom again after it.
      window.setTimeout(() => editor.zoomToRect(rect), 300)
    }
    // A note link opened on the board that is already open only changes the fragment.
    const onHashChange = () => {
      const noteId = takePending()
      if (noteId) target.current = noteId
      attempt()
    }
    attempt()
    window.addEventListener('hashchange', onHashChange)
    const stop = editor.subscribe(attempt)
    return () => {
      stop()
      window.removeEventListener('hashchange', onHashChange)
    }
  }, [editor, notes, listView])
}
