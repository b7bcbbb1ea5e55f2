import { useEffect } from 'react'

/**
 * Keyboard and screen reader users lose their place when the focused element disappears or is
 * disabled: the browser drops focus to <body> and the next Tab starts at the top of the page. That
 * happens all over a live board (a round starts and its Start button turns off, a form is replaced
 * by "voting is open", a dialog or a note editor closes, undo empties its stack).
 *
 * `useFocusKeeper` is the page's safety net: when focus fell to <body> because the last focused
 * element went away (removed, disabled, hidden or made inert), focus moves to the nearest place
 * that still exists: inside the closest surviving ancestor, an element marked `data-focus-return`
 * (the natural next step there), else its first focusable element. A deliberate blur (a click on
 * the board, Escape out of a field that stays) is left alone: the element is still usable then.
 * Components that know better move focus themselves; this only catches what they did not.
 */

const FOCUSABLE =
  'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'

/** Can take focus now: connected, enabled, rendered, not inside something hidden or inert. */
export function canTakeFocus(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false
  if ((element as HTMLButtonElement).disabled) return false
  if (element.closest('[inert], [hidden]')) return false
  return element.getClientRects().length > 0
}

/** Where focus should go inside `container`: its `data-focus-return` element, else the first one. */
export function focusTargetIn(container: Element, except?: Element | null): HTMLElement | null {
  const marked = [...container.querySelectorAll('[data-focus-return]')].find(canTakeFocus)
  if (marked && marked !== except) return marked
  const all = [...container.querySelectorAll(FOCUSABLE)]
  return all.find((element): element is HTMLElement => element !== except && canTakeFocus(element)) ?? null
}

/** Moves focus to the nearest sensible place from `from` outwards (see the file comment). */
export function restoreFocusNear(path: readonly Element[], lost: Element | null): boolean {
  for (const ancestor of path) {
    if (!ancestor.isConnected || ancestor === document.body || ancestor === document.documentElement) continue
    if (ancestor.closest('[inert], [hidden]')) continue
    const target = focusTargetIn(ancestor, lost)
    if (target) {
      target.focus()
      return document.activeElement === target
    }
  }
  return false
}

/** Installs the safety net for the whole page (call once, from the board page). */
export function useFocusKeeper(): void {
  useEffect(() => {
    let last: Element | null = null
    // Ancestors of the last focused element, nearest first, remembered while they were connected.
    let path: Element[] = []
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Element)) return
      last = event.target
      path = []
      for (let node = event.target.parentElement; node; node = node.parentElement) path.push(node)
    }
    let scheduled = 0
    const check = () => {
      scheduled = 0
      const active = document.activeElement
      if (active && active !== document.body) return
      if (!last || canTakeFocus(last)) return
      restoreFocusNear(path, last)
    }
    const observer = new MutationObserver(() => {
      // After React finished this commit (and after any focus() a component does itself).
      if (!scheduled) scheduled = window.setTimeout(check, 0)
    })
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'inert'],
    })
    document.addEventListener('focusin', onFocusIn)
    return () => {
      observer.disconnect()
      window.clearTimeout(scheduled)
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [])
}
