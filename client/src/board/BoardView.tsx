import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { links } from '../../../shared/src/api/links'
import { can } from '../../../shared/src/roles'
import type { BoardInfo } from '../api/boardsApi'
import { BoardCanvas } from '../canvas/BoardCanvas'
import { OutlineView } from '../outline/OutlineView'
import { isNarrowScreen, useViewMode } from '../outline/viewMode'
import { useExportPanel } from '../panels/export/ExportPanel'
import { useBoardSession } from '../session/useBoardSession'
import { getStoredBoard } from '../storage/localBoards'
import { useBoardCollaboration } from '../sync/useBoardCollaboration'
import { type SyncedBoard, useSyncedBoard } from '../sync/useSyncedBoard'
import { BoardHeader } from './BoardHeader'
import { BoardMenu } from './BoardMenu'
import { BoardEditor } from './editor/BoardEditor'
import { EditorProvider } from './editor/editorContext'
import { ZonePicker } from './editor/ZonePicker'
import { NoteListMirror } from './NoteListMirror'
import { SharePanel } from './SharePanel'
import { useBoardMeta, useNotes, useZones } from './useBoardData'
import { useBoardMenu } from './useBoardMenu'

interface BoardViewProps {
  boardId: string
  token: string
  info: BoardInfo
  /** The socket keeps failing: maybe the token was revoked. */
  onConnectionKeepsFailing: () => void
}

export function BoardView({ boardId, token, info, onConnectionKeepsFailing }: BoardViewProps) {
  const synced = useSyncedBoard(boardId, token, onConnectionKeepsFailing)
  // The document is created in an effect; until then there is nothing to draw yet.
  if (!synced) return null
  return <BoardContent boardId={boardId} token={token} info={info} synced={synced} />
}

function BoardContent({
  boardId,
  token,
  info,
  synced,
}: {
  boardId: string
  token: string
  info: BoardInfo
  synced: SyncedBoard
}) {
  const { t } = useTranslation()
  const { doc, status, hasSynced, contentLoaded } = synced
  const meta = useBoardMeta(doc)
  const notes = useNotes(doc)
  const zones = useZones(doc)
  const [shareOpen, setShareOpen] = useState(false)
  const canEdit = can(info.role, 'content:write')
  const isFacilitator = can(info.role, 'board:manage')
  const facilitatorKey = isFacilitator ? getStoredBoard(boardId)?.facilitatorKey : undefined
  const title = meta.title || info.title
  const menu = useBoardMenu({ boardId, token, title, isFacilitator })
  const author = { id: info.participantId, name: info.name }
  const [mode, setMode] = useViewMode(info.role === 'participant' && isNarrowScreen())
  // One editor per open board: what this person is doing, and the one writer of notes.
  const [editor] = useState(
    () =>
      new BoardEditor(doc, {
        author,
        isFacilitator,
        closed: new Set(),
        control: null,
        zones,
        roundZoneIds: [],
      }),
  )
  const session = useBoardSession({
    boardId,
    token,
    info,
    doc,
    awareness: synced.awareness,
    notes,
    zones,
    editor,
    listView: mode === 'outline',
    contentLanguage: meta.language,
  })
  editor.configure({
    author,
    isFacilitator,
    closed: session.locked,
    control: session.control,
    zones,
    roundZoneIds: session.roundZoneIds,
  })
  // While writing privately or when time is up, the board itself is read-only for participants.
  const canWrite = canEdit && session.canWrite
  const collab = useBoardCollaboration({
    synced,
    info,
    notes,
    zones,
    canEdit: canWrite,
    mode,
    setMode,
  })
  const exporting = useExportPanel({ boardId, token, role: info.role, title, control: session.control })

  // The board's name in the tab and in the browser history, so people find it again.
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name')
    return () => {
      document.title = t('app.name')
    }
  }, [title, t])

  return (
    <EditorProvider editor={editor}>
      <div className={`board-page mode-${mode}`}>
        <BoardHeader
          title={title}
          contentLanguage={meta.language}
          role={info.role}
          name={info.name}
          status={status}
          hasSynced={hasSynced}
          onShare={isFacilitator ? () => setShareOpen(true) : undefined}
          menu={<BoardMenu items={menu.items} />}
          start={collab.headerStart}
          tools={
            <>
              {session.headerTools}
              {collab.headerTools}
              {exporting.button}
            </>
          }
        />
        {!canEdit && <p className="read-only-banner">{t('board.readOnly')}</p>}
        {session.banner}
        {/* The notes and questions are in the board's language, whatever the buttons speak. */}
        <main className="board-main" lang={meta.language}>
          {mode === 'outline' ? (
            <OutlineView
              notes={notes}
              zones={zones}
              canEdit={canWrite}
              locked={session.locked}
              voteResults={session.voteResults}
              announce={collab.announce}
              session={session.view}
            />
          ) : (
            <>
              <BoardCanvas
                doc={doc}
                notes={notes}
                zones={zones}
                canEdit={canWrite}
                author={author}
                contentLoaded={contentLoaded}
                isFacilitator={isFacilitator}
                presence={session.presence(collab.presence)}
                locked={session.locked}
                awareness={synced.awareness}
                {...(collab.undo ? { undo: collab.undo } : {})}
              />
              <NoteListMirror notes={notes} zones={zones} />
            </>
          )}
          {collab.overlays}
          {session.overlays}
        </main>
        {menu.dialogs}
        {exporting.dialogs}
        {isFacilitator && (
          <SharePanel
            open={shareOpen}
            onClose={() => setShareOpen(false)}
            joinCode={info.joinCode}
            participantUrl={info.participantUrl || links.join(location.origin, info.joinCode)}
            viewerUrl={info.viewerUrl}
            joining={isFacilitator ? { boardId, token, joinOpen: info.joinOpen !== false } : undefined}
            facilitatorUrl={
              facilitatorKey ? links.facilitator(location.origin, boardId, facilitatorKey) : undefined
            }
          />
        )}
        <ZonePicker
          editor={editor}
          zones={zones}
          roundZoneIds={session.roundZoneIds}
          closed={session.locked}
        />
      </div>
    </EditorProvider>
  )
}
