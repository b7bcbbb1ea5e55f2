import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { JoinBoardForm } from '../landing/JoinBoardForm'
import { PageHeader } from '../landing/PageHeader'
import { PresentPage } from '../present/PresentPage'
import { isPresentMode } from '../present/presentModel'
import { boardPath, navigate } from '../routing'
import { BoardView } from './BoardView'
import { FacilitatorNameForm } from './FacilitatorNameForm'
import { useBoardAccess } from './useBoardAccess'

/** Pages shown instead of the board (loading, join, errors) share the landing layout. */
function AccessPage({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <PageHeader />
      <main className="page-main narrow">{children}</main>
    </div>
  )
}

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation()
  const { access, recheck } = useBoardAccess(boardId)

  switch (access.kind) {
    case 'ready':
      // "?present": the projector layout (opened from the share dialog with the viewer link).
      if (isPresentMode(location.search))
        return (
          <PresentPage
            boardId={boardId}
            token={access.token}
            info={access.info}
            onConnectionKeepsFailing={recheck}
          />
        )
      return (
        <BoardView
          boardId={boardId}
          token={access.token}
          info={access.info}
          onConnectionKeepsFailing={recheck}
        />
      )
    case 'needName':
      return (
        <AccessPage>
          <FacilitatorNameForm boardId={boardId} onDone={recheck} />
        </AccessPage>
      )
    case 'needJoin':
      return (
        <AccessPage>
          <JoinBoardForm
            title={t('board.needAccess')}
            intro={t('board.needAccessIntro')}
            onJoined={(joinedId) => (joinedId === boardId ? recheck() : navigate(boardPath(joinedId)))}
          />
        </AccessPage>
      )
    case 'error':
      return (
        <AccessPage>
          <div className="card" role="alert">
            <p>{t(access.messageKey)}</p>
            <button type="button" className="button primary" onClick={recheck}>
              {t('errors.retry')}
            </button>
          </div>
        </AccessPage>
      )
    default:
      return (
        <AccessPage>
          <p className="loading" role="status">
            {t('board.loading')}
          </p>
        </AccessPage>
      )
  }
}
