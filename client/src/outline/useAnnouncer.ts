import { useCallback, useState } from 'react'

export interface Announcement {
  message: string
  /** Changes with every announcement, so the same words are read again when repeated. */
  key: number
}

/** A polite message for screen readers; render it with `LiveRegion`. */
export function useAnnouncer(): [Announcement, (message: string) => void] {
  const [announcement, setAnnouncement] = useState<Announcement>({ message: '', key: 0 })
  const announce = useCallback((message: string) => {
    setAnnouncement((previous) => ({ message, key: previous.key + 1 }))
  }, [])
  return [announcement, announce]
}
