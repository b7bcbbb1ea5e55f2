import { useEffect, useState } from 'react'

/** Space typed into a field or pressed on a button belongs to that element, not to panning. */
function ownsSpace(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('input, textarea, select, button, a, summary, dialog, [role="button"]') !== null)
  )
}

/**
 * Space (hold to pan, as in drawing apps) and Shift (hold to draw a selection box), tracked while
 * held. Released when the window loses focus, so a key is never "stuck".
 */
export function useHeldKeys(): { space: boolean; shift: boolean } {
  const [held, setHeld] = useState({ space: false, shift: false })
  useEffect(() => {
    const update = (event: KeyboardEvent, down: boolean) => {
      if (event.key === ' ' && !ownsSpace(event.target)) {
        if (down) event.preventDefault() // no page scroll
        setHeld((old) => (old.space === down ? old : { ...old, space: down }))
      }
      if (event.key === 'Shift') setHeld((old) => (old.shift === down ? old : { ...old, shift: down }))
    }
    const onDown = (event: KeyboardEvent) => update(event, true)
    const onUp = (event: KeyboardEvent) => update(event, false)
    const reset = () => setHeld({ space: false, shift: false })
    window.addEventListener('keydown', onDown)
    window.addEventListener('keyup', onUp)
    window.addEventListener('blur', reset)
    return () => {
      window.removeEventListener('keydown', onDown)
      window.removeEventListener('keyup', onUp)
      window.removeEventListener('blur', reset)
    }
  }, [])
  return held
}
