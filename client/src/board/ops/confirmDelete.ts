import type { TFunction } from 'i18next'

/**
 * The question before removing someone else's note, or one with dots (issue 14: a participant's
 * note with 3 dots vanished without a word). Said with window.confirm: a plain, modal question
 * that every screen reader and keyboard handles.
 */
export function confirmDeleteText(t: TFunction, count: number): string {
  return count === 1 ? t('noteDelete.confirmOne') : t('noteDelete.confirmMany', { count })
}
