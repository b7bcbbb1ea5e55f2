import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react'
import type { BoardEditor, EditorState } from './BoardEditor'

/**
 * The open board's editor, for every component under the board page: the canvas, the list view,
 * the session's banner and layers, menus. One editor per board page (BoardView creates it).
 */
const EditorContext = createContext<BoardEditor | null>(null)

export function EditorProvider({ editor, children }: { editor: BoardEditor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>
}

export function useEditor(): BoardEditor {
  const editor = useContext(EditorContext)
  if (!editor) throw new Error('useEditor: no board editor above this component')
  return editor
}

/**
 * A part of the editor's state; the component renders again only when that part changes. The
 * selector must return a part of the state (or a primitive), not a new object.
 */
export function useEditorState<T>(editor: BoardEditor, select: (state: EditorState) => T): T {
  const read = () => select(editor.getState())
  return useSyncExternalStore(editor.subscribe, read, read)
}
