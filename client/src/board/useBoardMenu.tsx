import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setActionDialog, useActionDialogsAvailable } from '../actions/actionUi'
import { formatShortcut } from '../actions/shortcuts'
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
 * itself stays a plain layout. The command menu and the shortcut sheet belong to the canvas; the
 * menu only opens them.
 */
export function useBoardMenu({ boardId, token, title, isFacilitator }: BoardMenuInput): {
  items: BoardMenuItem[]
  dialogs: ReactNode
} {
  const { t } = useTranslation()
  const [saveTemplateOpen, setSaveTemplateOpen] = useState(false)
  const keyNames = { space: t('keys.space'), delete: t('keys.delete') }
  // The command menu and shortcut sheet belong to the canvas; the list view has neither.
  const canvasShown = useActionDialogsAvailable()
  const items: BoardMenuItem[] = []
  if (canvasShown) {
    items.push(
      {
        id: 'commands',
        label: t('menu.commands'),
        hint: formatShortcut('Mod+K', keyNames),
        onSelect: () => setActionDialog('commands'),
      },
      {
        id: 'shortcuts',
        label: t('menu.shortcuts'),
        hint: formatShortcut('?', keyNames),
        onSelect: () => setActionDialog('shortcuts'),
      },
    )
  }
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
