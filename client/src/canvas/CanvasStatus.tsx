import { useEffect, useState } from 'react'

const SHOW_MS = 2500

/**
 * A short confirmation at the bottom of the board ("2 items gekopieerd"), also announced to screen
 * reader users. `at` makes the same message show again when it happens again.
 */
export function CanvasStatus({ message, at }: { message: string; at: number }) {
  const [visible, setVisible] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `at` shows a repeated message again
  useEffect(() => {
    if (!message) return
    setVisible(true)
    const timer = window.setTimeout(() => setVisible(false), SHOW_MS)
    return () => window.clearTimeout(timer)
  }, [message, at])
  return (
    <p className={`canvas-status${visible ? ' visible' : ''}`} role="status" data-testid="canvas-status">
      {visible ? message : ''}
    </p>
  )
}
