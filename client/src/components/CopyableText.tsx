import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface CopyableTextProps {
  label: string
  value: string
  help?: string
  testId?: string
}

type CopyState = 'idle' | 'copied' | 'failed'

async function copyToClipboard(value: string, fallbackElement: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value)
    return true
  } catch {
    // The Clipboard API needs a secure context (not plain http on a local network): select instead.
    if (!fallbackElement) return false
    const range = document.createRange()
    range.selectNodeContents(fallbackElement)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    return document.execCommand('copy')
  }
}

/** A link or code shown in full (so it can also be read out or selected by hand) with a copy button. */
export function CopyableText({ label, value, help, testId }: CopyableTextProps) {
  const { t } = useTranslation()
  const id = useId()
  const textRef = useRef<HTMLSpanElement>(null)
  const [state, setState] = useState<CopyState>('idle')

  async function copy() {
    setState((await copyToClipboard(value, textRef.current)) ? 'copied' : 'failed')
    window.setTimeout(() => setState('idle'), 2500)
  }

  return (
    <div className="copyable">
      <span className="copyable-label" id={`${id}-label`}>
        {label}
      </span>
      {help && <p className="copyable-help">{help}</p>}
      <div className="copyable-row">
        <span className="copyable-value" ref={textRef} data-testid={testId}>
          {value}
        </span>
        <button type="button" className="button secondary" onClick={copy} aria-describedby={`${id}-label`}>
          {state === 'copied' ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <p className="copyable-feedback" role="status">
        {state === 'failed' ? t('share.copyFailed') : ''}
      </p>
    </div>
  )
}
