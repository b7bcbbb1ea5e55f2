import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface BoardMenuItem {
  id: string
  label: string
  /** Shown at the right, e.g. "Ctrl+K". */
  hint?: string
  onSelect: () => void
}

/**
 * The board's "more" menu in the header: things people do now and then (save as template, list of
 * shortcuts), kept out of the way of the notes. A plain disclosure with buttons: it works the same
 * with touch, mouse, keyboard and screen reader.
 */
export function BoardMenu({ items }: { items: readonly BoardMenuItem[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      rootRef.current?.querySelector<HTMLButtonElement>('.board-menu-button')?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  if (items.length === 0) return null
  return (
    <div className="board-menu" ref={rootRef}>
      <button
        type="button"
        className="button secondary board-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        data-testid="board-menu"
      >
        <span aria-hidden="true">☰</span> {t('menu.open')}
      </button>
      {open && (
        <ul className="board-menu-list" id={menuId}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="board-menu-item"
                data-testid={`menu-${item.id}`}
                onClick={() => {
                  setOpen(false)
                  item.onSelect()
                }}
              >
                <span>{item.label}</span>
                {item.hint && <kbd className="board-menu-hint">{item.hint}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
