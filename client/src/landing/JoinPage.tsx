import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { normalizeJoinCode } from '../../../shared/src/joinCode'
import { alreadyJoined } from '../api/access'
import { boardPath, navigate } from '../routing'
import { JoinBoardForm } from './JoinBoardForm'
import { PageHeader } from './PageHeader'

/** `/j/<code>`: where the QR code and the participant link lead. Only the name is still needed. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation()
  // The same browser opening the link or QR code again goes back in as the same person.
  useEffect(() => {
    const joinCode = normalizeJoinCode(code)
    if (!joinCode) return
    let cancelled = false
    void alreadyJoined(joinCode).then((boardId) => {
      if (boardId && !cancelled) navigate(boardPath(boardId), { replace: true })
    })
    return () => {
      cancelled = true
    }
  }, [code])
  return (
    <div className="page">
      <PageHeader />
      <main className="page-main narrow">
        <JoinBoardForm
          title={t('join.title')}
          intro={t('join.intro')}
          initialCode={code}
          // Replace, so "back" from the board does not land on a join form that is already done.
          onJoined={(boardId) => navigate(boardPath(boardId), { replace: true })}
        />
        <p className="back-link">
          <a href="/">{t('join.backHome')}</a>
        </p>
      </main>
    </div>
  )
}
