import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The round's instruction under its title. It is cut to a few lines so the board keeps room on a
 * phone, which cut off the very text the round is about; "Meer lezen" shows it whole. The button
 * only appears when something was cut. Screen readers get the whole text either way (the cut is
 * visual only). Keyed by round, so a new round starts short again.
 */
export function RoundPrompt({ text, lang }: { text: string; lang?: string }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLParagraphElement>(null)
  const [expanded, setExpanded] = useState(false)
  const [cut, setCut] = useState(false)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setCut(element.scrollHeight > element.clientHeight + 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  return (
    <>
      <p
        ref={ref}
        className={`session-round-prompt${expanded ? ' expanded' : ''}`}
        lang={lang}
        data-testid="round-prompt"
      >
        {text}
      </p>
      {(cut || expanded) && (
        <button
          type="button"
          className="session-prompt-toggle"
          aria-expanded={expanded}
          onClick={() => setExpanded((open) => !open)}
          data-testid="round-prompt-toggle"
        >
          {expanded ? t('session.promptLess') : t('session.promptMore')}
        </button>
      )}
    </>
  )
}
