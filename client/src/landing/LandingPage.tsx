import { useTranslation } from 'react-i18next'
import { CommunityCard } from '../community/CommunityCard'
import { BoardDeletedNotice } from '../panels/export/deletedNotice'
import { boardPath, navigate } from '../routing'
import { listStoredBoards } from '../storage/localBoards'
import { CreateBoardForm } from './CreateBoardForm'
import { JoinBoardForm } from './JoinBoardForm'
import { PageHeader } from './PageHeader'
import { RestoreBackup } from './RestoreBackup'

export function LandingPage() {
  const { t } = useTranslation()
  const recent = listStoredBoards().slice(0, 5)
  return (
    <div className="page">
      <PageHeader />
      <main className="page-main">
        <BoardDeletedNotice />
        <p className="tagline">{t('app.tagline')}</p>
        <div className="landing-grid">
          {/* Joining comes first: most people who open Oogst got a code from someone. */}
          <JoinBoardForm
            title={t('landing.joinTitle')}
            intro={t('landing.joinIntro')}
            onJoined={(boardId) => navigate(boardPath(boardId))}
          />
          <CreateBoardForm />
        </div>
        <CommunityCard />
        <div className="card restore-card">
          <RestoreBackup />
        </div>
        {recent.length > 0 && (
          <section className="recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading">{t('landing.recentTitle')}</h2>
            <ul>
              {recent.map((board) => (
                <li key={board.boardId}>
                  <a href={boardPath(board.boardId)}>{board.title || t('landing.untitled')}</a>
                  {board.joinCode && <span className="recent-code">{board.joinCode}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  )
}
