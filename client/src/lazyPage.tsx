import { type ComponentType, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A page whose code is its own chunk, fetched when first needed (or earlier with `preload`). The
 * board (Konva, Yjs, QR codes) and the community page (its report model) are most of the code;
 * keeping them out of the first chunk keeps the landing and join pages quick on a cheap phone
 * (issue 17: the community page in the first chunk made it 428 → 469 KB and the join slower).
 *
 * Not React.lazy with Suspense: React holds back content that replaces a Suspense fallback until
 * 300 ms after the fallback appeared ("fallback throttling"), which was pure waiting.
 */
export interface PageLoader<P extends object> {
  /** Starts fetching the page's code (once); resolves with the page. */
  preload(): Promise<{ Page: ComponentType<P> }>
  /** The page, when its code is here already. */
  loaded(): { Page: ComponentType<P> } | null
}

export function pageLoader<P extends object>(load: () => Promise<ComponentType<P>>): PageLoader<P> {
  let loaded: { Page: ComponentType<P> } | null = null
  let loading: Promise<{ Page: ComponentType<P> }> | null = null
  return {
    preload() {
      loading ??= load().then((Page) => {
        loaded = { Page }
        return loaded
      })
      return loading
    },
    loaded: () => loaded,
  }
}

/** Shows "loading" until the page's code is here, then the page with `props`. */
export function LazyPage<P extends object>({ loader, props }: { loader: PageLoader<P>; props: P }) {
  const [module, setModule] = useState(() => loader.loaded())
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (module) return
    let live = true
    loader.preload().then(
      (done) => live && setModule(done),
      (failed: unknown) => live && setError(failed ?? new Error('page code did not load')),
    )
    return () => {
      live = false
    }
  }, [module, loader])
  // A chunk that cannot be loaded fails the page, as React.lazy did.
  if (error) throw error
  return module ? <module.Page {...props} /> : <Loading />
}

function Loading() {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  )
}
