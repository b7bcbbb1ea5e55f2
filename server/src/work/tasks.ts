type ReportTasks = typeof import('./reportTasks')
type SuggestTasks = typeof import('../suggest/suggestTask')
type CommunityTasks = typeof import('./communityTasks')
type YearReportTasks = typeof import('./yearReportTask')
const reportTasks = () => import('./reportTasks')

/**
 * Every kind of heavy work the pool can run, by name. This module is loaded only inside pool
 * threads (workerEntry.mjs); the main thread imports its types. To add a kind: write a function
 * `(input) => output` (input and output must survive structured cloning: plain data, Uint8Array,
 * no class instances) and list it here; `heavyWork.run('<kind>', input, { boardId })` is then typed.
 */
export const TASKS = {
  // Modules load when a thread first runs their kind: a thread started for grouping suggestions
  // is ready without the PDF, Word and PNG renderers (issue 20: ≤ 1 s for 500 notes, cold).
  report: async (input: Parameters<ReportTasks['reportTask']>[0]) => (await reportTasks()).reportTask(input),
  reportPreview: async (input: Parameters<ReportTasks['reportPreviewTask']>[0]) =>
    (await reportTasks()).reportPreviewTask(input),
  importBackup: async (input: Parameters<ReportTasks['importBackupTask']>[0]) =>
    (await reportTasks()).importBackupTask(input),
  suggestGroups: async (input: Parameters<SuggestTasks['suggestTask']>[0]) =>
    (await import('../suggest/suggestTask')).suggestTask(input),
  // Issue 19: a community's sessions summarised (page, search index, Jaaroverzicht).
  sessionSummaries: async (input: Parameters<CommunityTasks['sessionSummariesTask']>[0]) =>
    (await import('./communityTasks')).sessionSummariesTask(input),
  // The community's Jaaroverzicht in md, html, docx or pdf (loads the renderers).
  yearReport: async (input: Parameters<YearReportTasks['yearReportTask']>[0]) =>
    (await import('./yearReportTask')).yearReportTask(input),
}

export type TaskKind = keyof typeof TASKS
export type TaskInput<K extends TaskKind> = Parameters<(typeof TASKS)[K]>[0]
export type TaskOutput<K extends TaskKind> = Awaited<ReturnType<(typeof TASKS)[K]>>

export interface TaskMessage {
  kind: string
  input: unknown
}

/** The pool's entry: runs one task (its result is copied back to the main thread). */
export async function runTask({ kind, input }: TaskMessage): Promise<unknown> {
  if (!Object.hasOwn(TASKS, kind)) throw new Error(`unknown heavy work kind "${kind}"`)
  const task = TASKS[kind as TaskKind] as (input: unknown) => unknown
  return await task(input)
}
