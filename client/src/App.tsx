import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { JoinPage } from './landing/JoinPage'
import { LandingPage } from './landing/LandingPage'
import { parseRoute, usePathname } from './routing'

// The board (Konva, Yjs, QR codes) is most of the code; loading it separately keeps the landing
// and join pages quick on a phone with a weak connection.
const BoardPage = lazy(() => import('./board/BoardPage').then((module) => ({ default: module.BoardPage })))

function Loading() {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  )
}

export function App() {
  const route = parseRoute(usePathname())
  switch (route.name) {
    case 'join':
      return <JoinPage code={route.code} />
    case 'board':
      return (
        <Suspense fallback={<Loading />}>
          {/* Keyed so that switching boards starts with a fresh document and connection. */}
          <BoardPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      )
    default:
      return <LandingPage />
  }
}
