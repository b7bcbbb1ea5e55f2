import type { TFunction } from 'i18next'

/**
 * The question before removing someone else's note, or one with dots (issue 14: a participant's
 * note with 3 dots vanished without a word). The texts fall back to Dutch until the i18n files
 * carry `noteDelete.confirmOne` / `noteDelete.confirmMany`.
 */
export function confirmDeleteText(t: TFunction, count: number): string {
  return count === 1
    ? t('noteDelete.confirmOne', {
        defaultValue:
          'Dit briefje is van iemand anders of heeft stippen. Toch weghalen? Een begeleider kan het terugzetten uit de Prullenbak.',
      })
    : t('noteDelete.confirmMany', {
        count,
        defaultValue:
          'Er zijn briefjes van iemand anders of met stippen bij. Toch {{count}} briefjes weghalen? Een begeleider kan ze terugzetten uit de Prullenbak.',
      })
}
