import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommunityPage } from './community/CommunityPage'
import { JoinPage } from './landing/JoinPage'
import { LandingPage } from './landing/LandingPage'
import { parseRoute, usePathname } from './routing'

// The board (Konva, Yjs, QR codes) is most of the code; loading it separately keeps the landing
// and join pages quick on a phone with a weak connection. Not React.lazy with Suspense: React
// holds back content that replaces a Suspense fallback until 300 ms after the fallback appeared
// ("fallback throttling"), which was pure waiting on the way to the board.
type BoardPageModule = typeof import('./board/BoardPage')
let boardModule: BoardPageModule | null = null
let boardImport: Promise<BoardPageModule> | null = null
const loadBoardPage = () => {
  boardImport ??= import('./board/BoardPage').then((module) => {
    boardModule = module
    return module
  })
  return boardImport
}
// Opening a board link: start fetching the board code now, while React renders the first frame.
if (parseRoute(location.pathname).name === 'board') void loadBoardPage().catch(() => undefined)

function Loading() {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  )
}

function LazyBoardPage({ boardId }: { boardId: string }) {
  const [module, setModule] = useState(boardModule)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (module) return
    let live = true
    loadBoardPage().then(
      (loaded) => live && setModule(loaded),
      (failed: unknown) => live && setError(failed ?? new Error('board code did not load')),
    )
    return () => {
      live = false
    }
  }, [module])
  // A chunk that cannot be loaded fails the page, as React.lazy did.
  if (error) throw error
  return module ? <module.BoardPage boardId={boardId} /> : <Loading />
}

export function App() {
  const route = parseRoute(usePathname())
  switch (route.name) {
    case 'join':
      return <JoinPage code={route.code} />
    case 'board':
      // Keyed so that switching boards starts with a fresh document and connection.
      return <LazyBoardPage key={route.boardId} boardId={route.boardId} />
    case 'community':
      return <CommunityPage key={route.communityId} communityId={route.communityId} />
    default:
      return <LandingPage />
  }
}
