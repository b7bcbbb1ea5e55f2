import { actionLine, actionState, historyLine } from '../community/actionHistory'
import type { Block } from './blocks'
import { formatDate, type ReportLabels } from './labels'
import type { ReportActionStatus, ReportCommunity, ReportModel } from './types'

/**
 * The verslag of a community's session (issue 19): "Terugblik" (the earlier agreements this
 * session looked back on, with the status set here) and "Wat er met de afspraken gebeurde" (what
 * later sessions said about this session's agreements). The data comes in the model; these are
 * its blocks, placed by buildReportDocument.
 */

function where(model: ReportModel, labels: ReportLabels) {
  return (entry: ReportActionStatus) =>
    entry.position === null
      ? formatDate(entry.at, model.language, model.timeZone)
      : labels.sessionNumber(entry.position)
}

export function lookbackBlocks(
  model: ReportModel,
  community: ReportCommunity,
  labels: ReportLabels,
): Block[] {
  if (community.lookback.length === 0) return []
  const columns = labels.lookbackColumns
  return [
    { kind: 'heading', level: 2, text: labels.lookback, anchor: 'terugblik' },
    { kind: 'paragraph', tone: 'plain', text: labels.lookbackIntro },
    {
      kind: 'table',
      header: [columns.action, columns.from, columns.status, columns.note],
      rows: community.lookback.map((item) => {
        const newest = item.statuses.at(-1)
        // Two statuses in one session (a correction): the note says both, the column the newest.
        const notes =
          item.statuses.length > 1
            ? historyLine(item.statuses, { status: labels.actionStatus, where: where(model, labels) })
            : (newest?.note.trim() ?? '')
        return [
          actionLine(item),
          item.fromPosition === null ? '–' : labels.sessionNumber(item.fromPosition),
          newest ? labels.actionStatus[newest.status] : labels.notDiscussed,
          notes || '–',
        ]
      }),
      numericFrom: 4,
      weights: [4, 1.4, 1.6, 4],
      rowIds: community.lookback.map((item) => item.actionId),
    },
  ]
}

export function afterwardsBlocks(
  model: ReportModel,
  community: ReportCommunity,
  labels: ReportLabels,
): Block[] {
  if (community.followUp.length === 0) return []
  const columns = labels.afterwardsColumns
  return [
    { kind: 'heading', level: 2, text: labels.afterwards, anchor: 'afspraken-daarna' },
    { kind: 'paragraph', tone: 'plain', text: labels.afterwardsIntro },
    {
      kind: 'table',
      header: [columns.action, columns.history, columns.now],
      rows: community.followUp.map((item) => [
        actionLine(item),
        historyLine(item.history, { status: labels.actionStatus, where: where(model, labels) }) || '–',
        labels.actionStatus[actionState(item.history)],
      ]),
      numericFrom: 3,
      weights: [4, 5, 1.5],
      rowIds: community.followUp.map((item) => item.noteId),
    },
  ]
}
