import {
  buildYearReportDocument,
  type YearReportInput,
  yearReportTitle,
} from '../../../shared/src/community/yearReport'
import { yearReportLabels } from '../../../shared/src/community/yearReportLabels'
import { renderHtmlBlocks } from '../../../shared/src/report/html'
import { renderMarkdownBlocks } from '../../../shared/src/report/markdown'
import { isoDate, slugify } from '../../../shared/src/report/text'
import { renderDocxBlocks } from './docx'
import { renderPdfBlocks } from './pdf'
import { CONTENT_TYPES, type RenderedReport } from './reportService'

/**
 * The community's Jaaroverzicht (issue 19) in the verslag's document formats: the same blocks
 * and the same renderers, without a board picture. Runs in the pool (work/yearReportTask.ts).
 */

export const YEAR_REPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const
export type YearReportFormat = (typeof YEAR_REPORT_FORMATS)[number]

/** "jaaroverzicht-wijkteams-zuidoost-2026-12-04.pdf" (ASCII, like the verslag's file names). */
export function yearReportFilename(input: YearReportInput, format: YearReportFormat): string {
  const word = slugify(yearReportLabels(input.language).documentTitle, 'jaaroverzicht')
  return `${word}-${slugify(input.community.name, 'gemeenschap')}-${isoDate(input.now, input.timeZone)}.${format}`
}

export async function renderYearReport(
  input: YearReportInput,
  format: YearReportFormat,
): Promise<RenderedReport> {
  const blocks = buildYearReportDocument(input)
  const title = yearReportTitle(input)
  const labels = yearReportLabels(input.language)
  const paged = { language: input.language, title, author: 'Oogst', picture: null }
  const body = await (async (): Promise<Buffer | string> => {
    switch (format) {
      case 'md':
        return renderMarkdownBlocks(blocks, input.language)
      case 'html':
        return renderHtmlBlocks(blocks, { language: input.language, title })
      case 'docx':
        return renderDocxBlocks(blocks, {
          ...paged,
          subject: input.community.name,
          description: labels.documentTitle,
        })
      case 'pdf':
        return renderPdfBlocks(blocks, paged)
    }
  })()
  return {
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: CONTENT_TYPES[format],
    filename: yearReportFilename(input, format),
  }
}
