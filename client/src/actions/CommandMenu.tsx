import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Modal } from '../components/Modal'
import { useActions } from './ActionsContext'
import { closeActionDialog, hostActionDialogs, useActionDialog } from './actionUi'
import { actionLabel } from './registry'
import { ShortcutKeys } from './ShortcutKeys'
import type { Action } from './types'

/** Lower case without accents, so "cafe" finds "café" and "Kleur" finds "kleur". */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Every word typed must occur somewhere in the name, in any order. */
export function matchesQuery(label: string, query: string): boolean {
  const haystack = normalize(label)
  return normalize(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

/**
 * Ctrl/Cmd+K: type a few letters of what you want to do and press Enter. Lists only what can be
 * done right now, with its shortcut, so it also teaches the shortcuts.
 */
export function CommandMenu() {
  const open = useActionDialog() === 'commands'
  const headingId = useId()
  useEffect(hostActionDialogs, [])
  return (
    <Modal
      open={open}
      onClose={() => closeActionDialog('commands')}
      labelledBy={headingId}
      className="command-menu"
      testId="command-menu"
    >
      <CommandList headingId={headingId} />
    </Modal>
  )
}

function CommandList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const { actions, ctx } = useActions()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)

  const available = useMemo(
    () =>
      actions
        .filter((action) => !action.hiddenInMenu && action.enabled(ctx))
        .map((action) => ({ action, label: actionLabel(action, t) })),
    [actions, ctx, t],
  )
  const results = available.filter(({ label }) => matchesQuery(label, query))
  const current = Math.min(active, Math.max(0, results.length - 1))

  const run = (action: Action) => {
    closeActionDialog('commands')
    // After the dialog closed and gave focus back, so an editor the action opens keeps focus.
    requestAnimationFrame(() => action.enabled(ctx) && action.perform(ctx))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + results.length) % Math.max(1, results.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const chosen = results[current]
      if (chosen) run(chosen.action)
    } else if (event.key === 'Tab') {
      // The search field is the dialog's only stop (options are chosen with the arrows): Tab would
      // leave the modal dialog for the browser's own toolbar and drop focus to <body>.
      event.preventDefault()
    }
  }

  const optionId = (index: number) => `${listId}-${index}`
  return (
    <div className="command-menu-content">
      <h2 id={headingId} className="visually-hidden">
        {t('commands.title')}
      </h2>
      <input
        className="command-menu-input"
        type="search"
        // biome-ignore lint/a11y/noAutofocus: the menu exists to type into; focus must start here
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        placeholder={t('commands.placeholder')}
        aria-label={t('commands.title')}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={results.length > 0 ? optionId(current) : undefined}
        data-testid="command-input"
      />
      <div className="command-menu-list" id={listId} role="listbox" aria-label={t('commands.title')}>
        {results.map(({ action, label }, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search field
          <div
            key={action.id}
            tabIndex={-1}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={`command-menu-item${index === current ? ' active' : ''}`}
            onClick={() => run(action)}
            onPointerMove={() => index !== current && setActive(index)}
            data-testid={`command-${action.id}`}
          >
            <span>{label}</span>
            {action.shortcuts?.[0] && <ShortcutKeys shortcut={action.shortcuts[0]} hideOnTouch />}
          </div>
        ))}
      </div>
      {results.length === 0 && <p className="command-menu-empty">{t('commands.none')}</p>}
    </div>
  )
}
