import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { PeopleGroupsPanel } from '../../groups/PeopleGroupsPanel'
import type { SessionView } from '../../session/sessionView'
import { SuggestPanel } from '../../suggest/SuggestPanel'
import { DraftsModeration } from './DraftsModeration'
import { PeoplePanel } from './PeoplePanel'
import { ScriptEditor } from './ScriptEditor'
import { TrashPanel } from './TrashPanel'
import { useSheetOnNarrow } from './useSheetOnNarrow'
import { VotingPanel } from './VotingPanel'
import './facilitator.css'

// "Groepjes" (people in a round) sits next to "Mensen", away from "Groepen" (notes): issue 18.
const TABS = ['script', 'writing', 'voting', 'suggest', 'people', 'peopleGroups', 'trash'] as const
type Tab = (typeof TABS)[number]

interface FacilitatorPanelProps {
  view: SessionView
  awareness: Awareness
  onClose: () => void
}

/**
 * The facilitator's session panel: the round script with its timer buttons, private writing, dot
 * voting and the people on the board. On wide screens a column beside the board (the board gets
 * narrower, nothing lies under the panel); on narrow ones a full-screen modal sheet (the page
 * behind is inert). Either way it never hides something that can take focus (WCAG 2.4.11).
 */
export function FacilitatorPanel({ view, awareness, onClose }: FacilitatorPanelProps) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('script')
  const ref = useRef<HTMLElement>(null)
  const sheet = useSheetOnNarrow(ref)
  // Opening the panel takes the keyboard there: it is what the facilitator asked for.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus()
  }, [])

  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'script'
    setTab(next)
    document.getElementById(`facilitator-tab-${next}`)?.focus()
  }

  return (
    <section
      ref={ref}
      id={FACILITATOR_PANEL_ID}
      className={`facilitator-panel${sheet ? ' sheet' : ''}`}
      aria-labelledby="facilitator-panel-title"
      {...(sheet ? { role: 'dialog', 'aria-modal': true } : {})}
      data-testid="facilitator-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return
        event.preventDefault()
        onClose()
      }}
    >
      <header className="facilitator-header">
        <h2 id="facilitator-panel-title">{t('facilitator.title')}</h2>
        <button type="button" className="toolbar-button" onClick={onClose} data-testid="facilitator-close">
          {t('facilitator.close')}
        </button>
      </header>
      <div className="facilitator-tabs" role="tablist" aria-label={t('facilitator.title')}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`facilitator-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`facilitator-tabpanel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
            data-testid={`facilitator-tab-${name}`}
          >
            {name === 'trash'
              ? t('trash.tab')
              : name === 'suggest'
                ? t('suggest.tab')
                : name === 'peopleGroups'
                  ? t('peopleGroups.tab')
                  : t(`facilitator.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="facilitator-body"
        role="tabpanel"
        id={`facilitator-tabpanel-${tab}`}
        aria-labelledby={`facilitator-tab-${tab}`}
      >
        {tab === 'script' && <ScriptEditor view={view} />}
        {tab === 'writing' && <DraftsModeration view={view} />}
        {tab === 'voting' && <VotingPanel view={view} />}
        {tab === 'suggest' && <SuggestPanel view={view} />}
        {tab === 'peopleGroups' && <PeopleGroupsPanel view={view} />}
        {tab === 'people' && <PeoplePanel view={view} awareness={awareness} />}
        {tab === 'trash' && <TrashPanel view={view} />}
      </div>
    </section>
  )
}

export const FACILITATOR_PANEL_ID = 'facilitator-panel'

function ClockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 9v4l3 2M9 2h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

/** Opens the facilitator's session panel (rounds, timer, private writing, voting, people). */
export function FacilitatorButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="toolbar-button facilitator-button"
      aria-expanded={open}
      aria-controls={open ? FACILITATOR_PANEL_ID : undefined}
      onClick={onToggle}
      data-testid="facilitator-open"
    >
      <ClockIcon />
      <span>{t('facilitator.button')}</span>
    </button>
  )
}
