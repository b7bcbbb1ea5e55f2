import { BoardPage } from './board/BoardPage'
import { JoinPage } from './landing/JoinPage'
import { LandingPage } from './landing/LandingPage'
import { parseRoute, usePathname } from './routing'

export function App() {
  const route = parseRoute(usePathname())
  switch (route.name) {
    case 'join':
      return <JoinPage code={route.code} />
    case 'board':
      // Keyed so that switching boards starts with a fresh document and connection.
      return <BoardPage key={route.boardId} boardId={route.boardId} />
    default:
      return <LandingPage />
  }
}
