import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClusterData, NoteData } from '../../../../shared/src/model'
import { useEditorState } from '../../board/editor/editorContext'
import { moveCluster, renameCluster, ungroup } from '../../board/ops/groupOps'
import { boundsOf, toScreenRect, type Viewport } from '../../canvas/viewport'
import type { SessionView } from '../sessionView'

const PADDING = 20
const DRAG_THRESHOLD = 4

interface ClusterOutlineProps {
  view: SessionView
  cluster: ClusterData
  members: readonly NoteData[]
  viewport: Viewport
}

function ClusterMenu({
  view,
  cluster,
  onClose,
}: {
  view: SessionView
  cluster: ClusterData
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(cluster.name)
  return (
    <form
      className="cluster-menu"
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim()) renameCluster(view.doc, cluster.id, name.trim())
        onClose()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <label htmlFor={`cluster-name-${cluster.id}`}>{t('session.clusterName')}</label>
      <input
        id={`cluster-name-${cluster.id}`}
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the menu opens for exactly this field
        autoFocus
        data-testid="cluster-name-input"
      />
      <div className="cluster-menu-buttons">
        <button type="submit" className="button primary">
          {t('session.save')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            ungroup(view.doc, cluster.id)
            onClose()
          }}
          data-testid="cluster-ungroup"
        >
          {t('session.ungroup')}
        </button>
      </div>
    </form>
  )
}

/**
 * A cluster: a rounded outline around its notes with the name on top. Facilitators drag the name
 * to move all its notes at once (one change for everyone), or click it to rename or ungroup.
 */
function ClusterOutline({ view, cluster, members, viewport }: ClusterOutlineProps) {
  const { t } = useTranslation()
  const [drag, setDrag] = useState<{ dx: number; dy: number } | null>(null)
  const [menuOpen, setMenuOpen] = useState(false)
  const request = useEditorState(view.editor, (state) => state.focusRequest)
  useEffect(() => {
    if (request?.kind !== 'groupName' || request.id !== cluster.id) return
    setMenuOpen(true)
    view.editor.requestFocus(null)
  }, [request, cluster.id, view.editor])
  const start = useRef<{ x: number; y: number; moved: boolean } | null>(null)
  const bounds = boundsOf(members)
  if (!bounds) return null
  const rect = toScreenRect(viewport, {
    x: bounds.x - PADDING,
    y: bounds.y - PADDING,
    width: bounds.width + 2 * PADDING,
    height: bounds.height + 2 * PADDING,
  })
  const editable = view.isFacilitator
  const name = cluster.name || t('session.clusterUnnamed')

  const onPointerDown = (event: React.PointerEvent) => {
    if (!editable) return
    event.currentTarget.setPointerCapture(event.pointerId)
    start.current = { x: event.clientX, y: event.clientY, moved: false }
  }
  const onPointerMove = (event: React.PointerEvent) => {
    const origin = start.current
    if (!origin) return
    const dx = event.clientX - origin.x
    const dy = event.clientY - origin.y
    if (!origin.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return
    origin.moved = true
    setDrag({ dx, dy })
  }
  const onPointerUp = () => {
    const origin = start.current
    start.current = null
    if (!origin) return
    if (!origin.moved) {
      setMenuOpen((open) => !open)
      return
    }
    if (drag) {
      const delta = { dx: drag.dx / viewport.scale, dy: drag.dy / viewport.scale }
      if (
        !moveCluster(
          view.editor.ops,
          members.map((note) => note.id),
          delta,
        )
      )
        view.say('canvas.zoneLockedMoveRefused')
    }
    setDrag(null)
  }

  return (
    <div
      className={`cluster-outline${drag ? ' dragging' : ''}`}
      style={{
        left: rect.x,
        top: rect.y,
        width: rect.width,
        height: rect.height,
        transform: drag ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
      }}
      data-testid="cluster"
      data-cluster-id={cluster.id}
    >
      {editable ? (
        <button
          type="button"
          className="cluster-label"
          aria-expanded={menuOpen}
          aria-label={t('session.clusterLabel', { name, count: members.length })}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            start.current = null
            setDrag(null)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault()
              setMenuOpen((open) => !open)
            }
          }}
          data-testid="cluster-label"
        >
          {name}
        </button>
      ) : (
        <span className="cluster-label" data-testid="cluster-label">
          {name}
        </span>
      )}
      {menuOpen && <ClusterMenu view={view} cluster={cluster} onClose={() => setMenuOpen(false)} />}
    </div>
  )
}

export function ClusterOutlines({ view, viewport }: { view: SessionView; viewport: Viewport }) {
  const { clusters, clusterOf } = view.extras
  return clusters.map((cluster) => {
    const members = view.notes.filter((note) => clusterOf.get(note.id) === cluster.id)
    if (members.length === 0) return null
    return (
      <ClusterOutline key={cluster.id} view={view} cluster={cluster} members={members} viewport={viewport} />
    )
  })
}
