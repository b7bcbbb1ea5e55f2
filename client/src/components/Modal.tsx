import { type ReactNode, useEffect, useRef } from 'react'

interface ModalProps {
  open: boolean
  onClose: () => void
  /** Id of the heading inside that names the dialog. */
  labelledBy: string
  className?: string
  testId?: string
  children: ReactNode
}

/**
 * A modal <dialog>: the browser keeps focus inside, Escape closes it and focus returns to where it
 * was. Clicking the dimmed backdrop closes it too, as people expect from a pop-up.
 */
export function Modal({ open, onClose, labelledBy, className, testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (event.target === ref.current) onClose()
      }}
    >
      <div className="modal-body">{open && children}</div>
    </dialog>
  )
}
