import { useCallback, useEffect, useState } from 'react'

/**
 * A server answer read now and again every `ms` while the component is shown: for lists that live
 * on the server only (everyone's drafts, the Prullenbak). `failed` says the last read did not
 * work (the last good answer stays); `refresh` reads at once, e.g. after an action.
 * `load` should be stable (useCallback): a new function restarts the polling.
 */
export function usePolled<T>(load: () => Promise<T>, ms: number) {
  const [value, setValue] = useState<T | null>(null)
  const [failed, setFailed] = useState(false)
  const refresh = useCallback(async () => {
    try {
      setValue(await load())
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }, [load])
  useEffect(() => {
    void refresh()
    const timer = window.setInterval(() => void refresh(), ms)
    return () => window.clearInterval(timer)
  }, [refresh, ms])
  return { value, failed, refresh }
}
