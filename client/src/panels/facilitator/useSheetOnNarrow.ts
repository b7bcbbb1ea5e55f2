import { type RefObject, useEffect, useState } from 'react'

/**
 * Below this width the board has no room for a column beside it: the panel becomes a full-screen
 * sheet. Keep in step with the media query in facilitator.css.
 */
export const SHEET_QUERY = '(max-width: 759px)'

function matches(): boolean {
  return typeof matchMedia === 'function' && matchMedia(SHEET_QUERY).matches
}

/**
 * Everything on the page except `keep` becomes inert; returns the elements it changed. Live
 * regions stay as they are (an inert region is not read, and session events must still be heard).
 * Elements that were inert already are not touched, so their own bookkeeping is left as it was.
 */
export function inertOutside(keep: Element): HTMLElement[] {
  const keepers = [keep, ...document.querySelectorAll('[aria-live]')]
  const changed: HTMLElement[] = []
  const walk = (container: Element) => {
    for (const child of container.children) {
      if (keepers.includes(child) || !(child instanceof HTMLElement) || child.inert) continue
      if (keepers.some((keeper) => child.contains(keeper))) walk(child)
      else {
        child.inert = true
        changed.push(child)
      }
    }
  }
  walk(document.body)
  return changed
}

/**
 * Whether the panel is a full-screen sheet now (narrow screen). While it is, the sheet is modal:
 * the rest of the page is inert (no focus, no clicks, not read), so Tab stays inside and nothing
 * focusable is hidden behind it. Follows the screen turning or the window being resized.
 */
export function useSheetOnNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [sheet, setSheet] = useState(matches)
  useEffect(() => {
    if (typeof matchMedia !== 'function') return
    const query = matchMedia(SHEET_QUERY)
    const update = () => setSheet(query.matches)
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  useEffect(() => {
    const panel = ref.current
    if (!sheet || !panel) return
    const changed = inertOutside(panel)
    // What appears while the sheet is open (a round starts: a new banner) is made inert too.
    const observer = new MutationObserver(() => changed.push(...inertOutside(panel)))
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      for (const element of changed) element.inert = false
    }
  }, [sheet, ref])
  return sheet
}
