import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setActionDialog, useActionDialogsAvailable } from '../actions/actionUi'
import { formatShortcut } from '../actions/shortcuts'
import { Modal } from '../components/Modal'
import { RestoreBackup } from '../landing/RestoreBackup'
import { getStoredBoard } from '../storage/localBoards'
import type { BoardMenuItem } from './BoardMenu'
import { KeepKeyDialog } from './KeepKeyDialog'
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
  const facilitatorKey = isFacilitator ? getStoredBoard(boardId)?.facilitatorKey : undefined
  // Right after making a board here (and on every visit until they say they kept it), the
  // begeleider is asked to keep the facilitator link: the only way back in from another browser.
  // Someone who opened the board with that link already has it.
  const [keepKeyOpen, setKeepKeyOpen] = useState(() => {
    const stored = getStoredBoard(boardId)
    return Boolean(facilitatorKey && stored?.keyPrompt && !stored.keySaved)
  })
  const [restoreOpen, setRestoreOpen] = useState(false)
  const restoreHeading = useId()
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
    if (facilitatorKey)
      items.push({ id: 'keep-key', label: t('keepKey.menu'), onSelect: () => setKeepKeyOpen(true) })
    items.push({ id: 'restore', label: t('restore.menu'), onSelect: () => setRestoreOpen(true) })
  }
  const dialogs = isFacilitator ? (
    <>
      <SaveTemplateDialog
        open={saveTemplateOpen}
        onClose={() => setSaveTemplateOpen(false)}
        boardId={boardId}
        token={token}
        boardTitle={title}
      />
      {facilitatorKey && (
        <KeepKeyDialog
          open={keepKeyOpen}
          onClose={() => setKeepKeyOpen(false)}
          boardId={boardId}
          title={title}
          facilitatorKey={facilitatorKey}
        />
      )}
      <Modal
        open={restoreOpen}
        onClose={() => setRestoreOpen(false)}
        labelledBy={restoreHeading}
        testId="restore-dialog"
      >
        <RestoreBackup headingId={restoreHeading} />
        <button type="button" className="button secondary" onClick={() => setRestoreOpen(false)}>
          {t('outline.cancel')}
        </button>
      </Modal>
    </>
  ) : null
  return { items, dialogs }
}
