/**
 * Props for a button that cannot be used right now but keeps the focus. A `disabled` button that
 * has focus drops it to <body> (Chromium, Firefox): after "Start" or "Onthullen" the keyboard user
 * would start again at the top of the page. `aria-disabled` says the same to screen readers and
 * the click is ignored here; base.css draws it like a disabled button.
 */
export function softDisabled(disabled: boolean, onClick: () => void) {
  return {
    'aria-disabled': disabled || undefined,
    onClick: () => {
      if (!disabled) onClick()
    },
  }
}
