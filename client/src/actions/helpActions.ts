import type { Action } from './types'

/** Finding commands: the command menu and the list of shortcuts; plus undo and redo. */
export const helpActions: readonly Action[] = [
  {
    id: 'help.commands',
    group: 'help',
    labelKey: 'actions.commandMenu',
    shortcuts: ['Mod+K'],
    hiddenInMenu: true,
    enabled: () => true,
    perform: ({ ui }) => ui.openCommandMenu(),
  },
  {
    id: 'help.shortcuts',
    group: 'help',
    labelKey: 'actions.shortcutSheet',
    shortcuts: ['?'],
    enabled: () => true,
    perform: ({ ui }) => ui.openShortcutSheet(),
  },
  {
    id: 'edit.undo',
    group: 'edit',
    labelKey: 'actions.undo',
    shortcuts: ['Mod+Z'],
    enabled: ({ undo, state }) => state.canEdit && Boolean(undo?.canUndo),
    perform: ({ undo }) => undo?.undo(),
  },
  {
    id: 'edit.redo',
    group: 'edit',
    labelKey: 'actions.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: ({ undo, state }) => state.canEdit && Boolean(undo?.canRedo),
    perform: ({ undo }) => undo?.redo(),
  },
]
