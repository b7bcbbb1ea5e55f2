import type { TFunction } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { GROUP_SIZE_MAX } from '../../../shared/src/groups/forming'
import type { RoundData } from '../../../shared/src/model'
import './i18n/index'

/** How a round's row in the script says it is a group step ("groepjes van 2", "inzichten hierheen"). */
export function roundGroupFeatures(round: RoundData, t: TFunction): string[] {
  const size = round.groupSize ?? 0
  return [
    size > 0 &&
      (round.wholeGroupUpTo
        ? t('peopleGroups.rowWhole', { count: round.wholeGroupUpTo, size })
        : t('peopleGroups.rowSize', { count: size })),
    (round.roleTurn || round.inbrengerChosen) && t('peopleGroups.rowRoles'),
    round.privateWriting && (round.roleTurn || round.inbrengerChosen) && t('peopleGroups.rowStandpoints'),
    round.gatherInsights && t('peopleGroups.rowGather'),
  ].filter((feature): feature is string => typeof feature === 'string')
}

/** The common sizes by name; a script may ask for any size up to GROUP_SIZE_MAX ("sizes from the script"). */
const NAMED_SIZES = [0, 1, 2, 3, 4] as const

interface RoundGroupFieldsProps {
  groupSize: number
  gatherInsights: boolean
  onChange: (patch: { groupSize?: number; gatherInsights?: boolean }) => void
}

/**
 * In the round editor (issue 18): whether people work in groepjes in this round and how big, and
 * whether the groepjes' insights come to this round's first question ("allen").
 */
export function RoundGroupFields({ groupSize, gatherInsights, onChange }: RoundGroupFieldsProps) {
  const { t } = useTranslation()
  const id = useId()
  const sizes: number[] = (NAMED_SIZES as readonly number[]).includes(groupSize)
    ? [...NAMED_SIZES]
    : [...NAMED_SIZES, Math.min(GROUP_SIZE_MAX, groupSize)]
  return (
    <>
      <div className="field field-narrow">
        <label htmlFor={`${id}-size`}>{t('peopleGroups.roundSize')}</label>
        <select
          id={`${id}-size`}
          value={groupSize}
          onChange={(event) => onChange({ groupSize: Number(event.target.value) })}
          data-testid="round-group-size"
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {t(`peopleGroups.sizes.${size}`, { defaultValue: t('peopleGroups.sizes.other', { size }) })}
            </option>
          ))}
        </select>
      </div>
      <div className="check-field">
        <input
          id={`${id}-gather`}
          type="checkbox"
          checked={gatherInsights}
          onChange={(event) => onChange({ gatherInsights: event.target.checked })}
          data-testid="round-gather-insights"
        />
        <label htmlFor={`${id}-gather`}>
          {t('peopleGroups.gather')}
          <span className="field-hint">{t('peopleGroups.gatherHint')}</span>
        </label>
      </div>
    </>
  )
}
