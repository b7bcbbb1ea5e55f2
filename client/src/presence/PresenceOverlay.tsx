import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { NoteData } from '../../../shared/src/model'
import { toBoardPoint, toScreenRect, type Viewport } from '../canvas/viewport'
import type { PresenceController } from './PresenceController'
import type { PeerPresence } from './presenceState'
import { usePeers } from './usePeers'
import './presence.css'
import { useTranslation } from 'react-i18next'

interface PresenceOverlayProps {
  controller: PresenceController
  viewport: Viewport
  notes: readonly NoteData[]
}

function CursorArrow({ color }: { color: string }) {
  return (
    <svg
      className="peer-cursor-arrow"
      viewBox="0 0 20 22"
      width="20"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M2 2 L2 18 L6.5 13.8 L9.6 20.5 L12.6 19.1 L9.5 12.6 L15.5 12.2 Z"
        fill={color}
        stroke="#fff"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  )
}

function PeerCursor({ peer, viewport }: { peer: PeerPresence; viewport: Viewport }) {
  if (!peer.cursor || peer.view !== 'canvas') return null
  const x = peer.cursor.x * viewport.scale + viewport.x
  const y = peer.cursor.y * viewport.scale + viewport.y
  return (
    <div
      className="peer-cursor"
      data-testid="peer-cursor"
      data-name={peer.user.name}
      style={{ transform: `translate(${x}px, ${y}px)` }}
    >
      <CursorArrow color={peer.user.color} />
      <span className="peer-label" style={{ background: peer.user.color }}>
        {peer.user.name}
      </span>
    </div>
  )
}

function PeerSelections({
  peer,
  viewport,
  notesById,
}: {
  peer: PeerPresence
  viewport: Viewport
  notesById: Map<string, NoteData>
}) {
  return peer.selection.map((noteId) => {
    const note = notesById.get(noteId)
    if (!note) return null
    const rect = toScreenRect(viewport, note)
    return (
      <div
        key={`${peer.clientId}-${noteId}`}
        className="peer-selection"
        data-testid="peer-selection"
        data-note-id={noteId}
        style={{
          left: rect.x - 4,
          top: rect.y - 4,
          width: rect.width + 8,
          height: rect.height + 8,
          borderColor: peer.user.color,
        }}
      >
        <span className="peer-label peer-selection-label" style={{ background: peer.user.color }}>
          {peer.user.name}
        </span>
      </div>
    )
  })
}

/**
 * Other people's cursors (with name and colour) and the notes they have selected, drawn in HTML
 * over the canvas. Decorative for screen readers: who is here is in the participants panel.
 * It also reports this person's mouse position; touch is not shared (a finger is not a pointer).
 */
export function PresenceOverlay({ controller, viewport, notes }: PresenceOverlayProps) {
  const ref = useRef<HTMLDivElement>(null)
  const latestViewport = useRef(viewport)
  latestViewport.current = viewport
  const peers = usePeers(controller.awareness)

  useEffect(() => {
    const area = ref.current?.parentElement
    if (!area) return
    const onMove = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return
      const box = area.getBoundingClientRect()
      const screen = { x: event.clientX - box.left, y: event.clientY - box.top }
      controller.cursorMoved(toBoardPoint(latestViewport.current, screen))
    }
    const onLeave = () => controller.cursorMoved(null)
    area.addEventListener('pointermove', onMove)
    area.addEventListener('pointerleave', onLeave)
    return () => {
      area.removeEventListener('pointermove', onMove)
      area.removeEventListener('pointerleave', onLeave)
      controller.cursorMoved(null)
    }
  }, [controller])

  const notesById = new Map(notes.map((note) => [note.id, note]))
  return (
    <>
      <div ref={ref} className="presence-overlay" aria-hidden="true">
        {peers.map((peer) => (
          <PeerSelections key={peer.clientId} peer={peer} viewport={viewport} notesById={notesById} />
        ))}
      </div>
      {/* Cursors go over the toolbars too, or a cursor near a selected note would vanish. */}
      <div className="presence-overlay presence-cursors" aria-hidden="true">
        {peers.map((peer) => (
          <PeerCursor key={peer.clientId} peer={peer} viewport={viewport} />
        ))}
      </div>
    </>
  )
}

/** While following someone: a visible note on the board saying whom, with a way out. */
export function FollowBanner({ controller }: { controller: PresenceController }) {
  const { t } = useTranslation()
  const follow = useSyncExternalStore(controller.subscribe, controller.getFollow)
  if (follow.clientId === null) return null
  const color = controller.peer(follow.clientId)?.user.color
  return (
    <div
      className="follow-banner"
      data-testid="follow-banner"
      style={color ? { borderColor: color } : undefined}
    >
      <span>{t('participants.followingShort', { name: follow.name })}</span>
      <button type="button" className="toolbar-button" onClick={() => controller.stopFollowing(null)}>
        {t('participants.stopFollowing')}
      </button>
    </div>
  )
}
