import { type ReactNode, useId, useState } from 'react'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import type { BoardInfo } from '../api/boardsApi'
import { LiveRegion, useAnnouncer, useRemoteChangeAnnouncements } from '../outline/announcer'
import { type ViewMode, ViewToggle } from '../outline/viewMode'
import { ParticipantsButton, ParticipantsPanel } from '../panels/participants/ParticipantsPanel'
import { useParticipants } from '../panels/participants/useParticipants'
import type { CanvasPresence } from '../presence/canvasPresence'
import { FollowBanner } from '../presence/PresenceOverlay'
import { colorFor } from '../presence/presenceState'
import { useFollowState, usePresence } from '../presence/usePresence'
import { UndoButtons, type UndoControls, useUndo } from './undo'
import type { SyncedBoard } from './useSyncedBoard'

interface Collaboration {
  mode: ViewMode
  /** For BoardCanvas: cursors, selections, following. */
  presence: CanvasPresence
  /** First in the header: the list view toggle. */
  headerStart: ReactNode
  /** Header tools: participants and undo/redo. */
  headerTools: ReactNode
  /** Says something politely to screen reader users (the page's one live region). */
  announce: (message: string) => void
  /** Over the board: participants panel, follow banner, live region. */
  overlays: ReactNode
  /** Per-person undo, for the canvas' command menu and shortcut sheet; null for read-only roles. */
  undo: UndoControls | null
}

/**
 * Everything about working on the board together that is not the canvas itself: presence, the
 * participants panel, per-person undo, the list view and announcements of others' changes.
 * The board page places the returned pieces; this keeps it small.
 */
export function useBoardCollaboration(input: {
  synced: SyncedBoard
  info: BoardInfo
  notes: NoteData[]
  zones: ZoneData[]
  canEdit: boolean
  /** Canvas or list view (chosen on the board page: the session banner depends on it too). */
  mode: ViewMode
  setMode: (mode: ViewMode) => void
}): Collaboration {
  const { synced, info, notes, zones, canEdit, mode, setMode } = input
  const { doc, awareness, hasSynced } = synced
  const user = {
    name: info.name,
    color: colorFor(info.participantId),
    participantId: info.participantId,
    role: info.role,
  }
  const { controller, canvas } = usePresence(awareness, user, mode)
  const follow = useFollowState(controller)
  const [announcement, announce] = useAnnouncer()
  const undo = useUndo(doc, canEdit, announce)
  const participants = useParticipants(awareness, notes)
  const [panelOpen, setPanelOpen] = useState(false)
  const panelId = useId()
  useRemoteChangeAnnouncements(doc, notes, zones, hasSynced, announce)

  const closePanel = () => {
    setPanelOpen(false)
    document.querySelector<HTMLElement>('[data-testid=participants-open]')?.focus()
  }

  return {
    mode,
    undo: canEdit ? undo : null,
    presence: canvas,
    headerStart: <ViewToggle mode={mode} onChange={setMode} />,
    headerTools: (
      <>
        <ParticipantsButton
          panelId={panelId}
          open={panelOpen}
          onlineCount={participants.online.length}
          onToggle={() => setPanelOpen((open) => !open)}
        />
        {canEdit && <UndoButtons controls={undo} />}
      </>
    ),
    announce,
    overlays: (
      <>
        {mode === 'canvas' && <FollowBanner controller={controller} />}
        {panelOpen && (
          <ParticipantsPanel
            id={panelId}
            participants={participants}
            follow={follow}
            canFollow={mode === 'canvas'}
            onFollow={(clientId) => controller.startFollowing(clientId)}
            onStopFollowing={() => controller.stopFollowing(null)}
            onClose={closePanel}
          />
        )}
        <LiveRegion announcement={announcement} />
      </>
    ),
  }
}
