import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardMenuItem } from './BoardMenu'
import { SaveTemplateDialog } from './SaveTemplateDialog'

interface BoardMenuInput {
  boardId: string
  token: string
  title: string
  isFacilitator: boolean
}

/**
 * The entries of the board's menu and the dialogs they open, kept out of BoardView so the page
 * itself stays a plain layout.
 */
export function useBoardMenu({ boardId, token, title, isFacilitator }: BoardMenuInput): {
  items: BoardMenuItem[]
  dialogs: ReactNode
} {
  const { t } = useTranslation()
  const [saveTemplateOpen, setSaveTemplateOpen] = useState(false)
  const items: BoardMenuItem[] = []
  if (isFacilitator) {
    items.push({
      id: 'save-template',
      label: t('menu.saveTemplate'),
      onSelect: () => setSaveTemplateOpen(true),
    })
  }
  const dialogs = isFacilitator ? (
    <SaveTemplateDialog
      open={saveTemplateOpen}
      onClose={() => setSaveTemplateOpen(false)}
      boardId={boardId}
      token={token}
      boardTitle={title}
    />
  ) : null
  return { items, dialogs }
}
