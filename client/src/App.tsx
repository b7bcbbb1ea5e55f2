import { JoinPage } from './landing/JoinPage'
import { LandingPage } from './landing/LandingPage'
import { LazyPage, pageLoader } from './lazyPage'
import { parseRoute, usePathname } from './routing'

const board = pageLoader(() => import('./board/BoardPage').then((module) => module.BoardPage))
const community = pageLoader(() => import('./community/CommunityPage').then((module) => module.CommunityPage))

// Opening a link: start fetching the page's code now, while React renders the first frame.
const firstRoute = parseRoute(location.pathname).name
if (firstRoute === 'board') void board.preload().catch(() => undefined)
if (firstRoute === 'community') void community.preload().catch(() => undefined)

export function App() {
  const route = parseRoute(usePathname())
  switch (route.name) {
    case 'join':
      return <JoinPage code={route.code} />
    case 'board':
      // Keyed so that switching boards starts with a fresh document and connection.
      return <LazyPage key={route.boardId} loader={board} props={{ boardId: route.boardId }} />
    case 'community':
      return (
        <LazyPage key={route.communityId} loader={community} props={{ communityId: route.communityId }} />
      )
    default:
      return <LandingPage />
  }
}
