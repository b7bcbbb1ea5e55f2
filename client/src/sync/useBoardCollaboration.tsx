import { type ReactNode, useId, useState } from 'react'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import type { BoardInfo } from '../api/boardsApi'
import { LiveRegion, useAnnouncer, useRemoteChangeAnnouncements } from '../outline/announcer'
import { OutlineView } from '../outline/OutlineView'
import { useViewMode, type ViewMode, ViewToggle } from '../outline/viewMode'
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
  /** The list view, shown instead of the canvas in 'outline' mode. */
  outline: ReactNode
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
  /** What this person may not change (the session's lock set, see useBoardSession). */
  locked: ReadonlySet<string>
  /** Vote tallies the list view shows, null while hidden (from the session, see useBoardSession). */
  voteResults: Readonly<Record<string, number>> | null
}): Collaboration {
  const { synced, info, notes, zones, canEdit, locked, voteResults } = input
  const { doc, awareness, hasSynced } = synced
  const [mode, setMode] = useViewMode()
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
    outline: (
      <OutlineView
        notes={notes}
        zones={zones}
        canEdit={canEdit}
        locked={locked}
        voteResults={voteResults}
        announce={announce}
      />
    ),
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
