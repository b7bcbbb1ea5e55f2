import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { type FollowState, setFollow } from '../../../shared/src/model'
import type { BoardEditor } from '../board/editor/BoardEditor'
import { clampScale, type Viewport } from '../canvas/viewport'
import { sameViewport } from '../presence/followViewport'

/**
 * "Iedereen naar mij": the facilitator's view, shared through `session.follow` in the control
 * document. Its `viewport` is stored screen-independent: x, y are the board point in the middle
 * of the facilitator's screen and `scale` their zoom, so a phone shows the same spot, centred.
 * Followers' stages move along until they pan or zoom themselves; they can rejoin.
 */

const SEND_EVERY_MS = 200
/** A view change this soon after the person's own input is theirs. */
const USER_MOVE_MS = 1000

let lastUserInput = Number.NEGATIVE_INFINITY
if (typeof window !== 'undefined') {
  const note = () => {
    lastUserInput = performance.now()
  }
  for (const type of ['pointerdown', 'wheel', 'keydown', 'touchstart']) {
    window.addEventListener(type, note, { capture: true, passive: true })
  }
}

export function centreOf(view: Viewport, size: { width: number; height: number }): FollowState['viewport'] {
  return {
    x: Math.round((size.width / 2 - view.x) / view.scale),
    y: Math.round((size.height / 2 - view.y) / view.scale),
    scale: Math.round(view.scale * 1000) / 1000,
  }
}

export function viewportFor(
  centre: FollowState['viewport'],
  size: { width: number; height: number },
): Viewport {
  const scale = clampScale(centre.scale)
  return { scale, x: size.width / 2 - centre.x * scale, y: size.height / 2 - centre.y * scale }
}

/** Facilitator side: while `leading`, the own viewport is written at most 5 times a second. */
export function useLeadFollow(input: {
  control: Y.Doc | null
  editor: BoardEditor
  me: { participantId: string; name: string }
  follow: FollowState | null
}) {
  const { control, editor, me, follow } = input
  const leading = follow !== null && follow.participantId === me.participantId

  useEffect(() => {
    if (!control || !leading) return
    let last = 0
    let timer: number | undefined
    let sent: FollowState['viewport'] | null = null
    const send = () => {
      timer = undefined
      const { viewport, size } = editor
      if (!viewport || !size) return
      const centre = centreOf(viewport, size)
      if (sent && sent.x === centre.x && sent.y === centre.y && sent.scale === centre.scale) return
      sent = centre
      last = Date.now()
      setFollow(control, { participantId: me.participantId, name: me.name, viewport: centre })
    }
    const onChange = () => {
      if (timer !== undefined) return
      timer = window.setTimeout(send, Math.max(0, SEND_EVERY_MS - (Date.now() - last)))
    }
    const stop = editor.subscribe(onChange)
    return () => {
      stop()
      window.clearTimeout(timer)
    }
  }, [control, leading, editor, me.participantId, me.name])

  const start = useCallback(() => {
    const { viewport, size } = editor
    if (!control || !viewport || !size) return
    setFollow(control, { participantId: me.participantId, name: me.name, viewport: centreOf(viewport, size) })
  }, [control, editor, me.participantId, me.name])

  const stop = useCallback(() => {
    if (control) setFollow(control, null)
  }, [control])

  return { leading, start, stop }
}

/** Participant side: follows the shared view unless they moved away themselves. */
export function useFollowLeader(input: {
  editor: BoardEditor
  follow: FollowState | null
  participantId: string
}) {
  const { editor, follow } = input
  const active = follow !== null && follow.participantId !== input.participantId
  const [optedOut, setOptedOut] = useState(false)
  const applied = useRef<Viewport[]>([])
  const following = active && !optedOut

  // A new "Iedereen naar mij" starts following again, even after someone stopped last time.
  const session = follow?.participantId ?? null
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new leader
  useEffect(() => setOptedOut(false), [session])

  const target = follow?.viewport
  const latestTarget = useRef(target)
  latestTarget.current = target
  const apply = useCallback(() => {
    const centre = latestTarget.current
    if (!centre || !editor.size) return
    const view = viewportFor(centre, editor.size)
    applied.current = [...applied.current.slice(-7), view]
    editor.moveTo(view)
  }, [editor])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `target` is read through the ref
  useEffect(() => {
    if (following) apply()
  }, [following, target, apply])

  // A viewport we did not set, right after the person touched the page (wheel, drag, pinch, keys),
  // means they moved the board: stop following. Other changes (the canvas fitting itself to the
  // board as the page opens, a resized window) simply get the shared view again.
  useEffect(() => {
    if (!following) return
    return editor.subscribe(() => {
      const view = editor.viewport
      if (!view || applied.current.some((known) => sameViewport(known, view))) return
      if (performance.now() - lastUserInput < USER_MOVE_MS) setOptedOut(true)
      else apply()
    })
  }, [following, editor, apply])

  return {
    /** Someone leads and this person follows now. */
    following,
    /** Someone leads, but this person stopped following. */
    canRejoin: active && optedOut,
    leaderName: follow?.name ?? '',
    stop: () => setOptedOut(true),
    rejoin: () => {
      applied.current = []
      setOptedOut(false)
    },
  }
}
