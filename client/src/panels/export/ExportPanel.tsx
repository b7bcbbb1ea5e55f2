import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { Role } from '../../../../shared/src/roles'
import { DeleteBoardConfirm } from './DeleteBoard'
import { ExportDialog } from './ExportDialog'
import { useReportsShared } from './exportHooks'
import './i18n/index'
import './export.css'

function HarvestIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3v11m0 0-4-4m4 4 4-4M5 15v4h14v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/**
 * The "Oogst exporteren" button for the board header and the dialogs it opens. Facilitators always
 * have it; participants only while a facilitator shares the report (the server checks that too).
 */
export function useExportPanel(input: {
  boardId: string
  token: string
  role: Role
  title: string
  control: Y.Doc | null
}): { button: ReactNode; dialogs: ReactNode } {
  const { boardId, token, role, title, control } = input
  const { t } = useTranslation()
  const shared = useReportsShared(control)
  const isFacilitator = role === 'facilitator'
  const allowed = isFacilitator || (role === 'participant' && shared)
  const [open, setOpen] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)

  // Sharing stopped while a participant had the dialog open: close it.
  useEffect(() => {
    if (!allowed) setOpen(false)
  }, [allowed])

  const button = allowed ? (
    <button
      type="button"
      className="toolbar-button export-button"
      aria-haspopup="dialog"
      onClick={() => setOpen(true)}
      data-testid="export-open"
    >
      <HarvestIcon />
      <span>{t('export.button')}</span>
    </button>
  ) : null

  const dialogs = allowed ? (
    <>
      <ExportDialog
        open={open}
        onClose={() => setOpen(false)}
        boardId={boardId}
        token={token}
        isFacilitator={isFacilitator}
        control={control}
        onDeleteRequest={() => setConfirmDelete(true)}
      />
      {isFacilitator && (
        <DeleteBoardConfirm
          open={confirmDelete}
          onClose={() => setConfirmDelete(false)}
          boardId={boardId}
          token={token}
          title={title}
        />
      )}
    </>
  ) : null

  return { button, dialogs }
}
