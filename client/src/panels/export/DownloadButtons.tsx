import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZoneData } from '../../../../shared/src/model/zones'
import type { NameMode } from '../../../../shared/src/report/privacy'
import type { ReportFormat } from '../../../../shared/src/report/types'
import { ApiError } from '../../api/http'
import { downloadReport } from './reportApi'

const DOCUMENTS: readonly ReportFormat[] = ['docx', 'pdf', 'html', 'md']
const DATA: readonly ReportFormat[] = ['csv', 'json']
const PICTURES: readonly ReportFormat[] = ['png', 'svg']

type Status = { kind: 'idle' } | { kind: 'busy'; format: ReportFormat } | { kind: 'done'; filename: string }

/** The dialog's own words for a failed download (the server's message is for API users). */
export function downloadErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'export.errors.generic'
  if (error.code === 'network') return 'export.errors.network'
  if (error.code === 'reports_not_shared') return 'export.errors.notShared'
  if (error.code === 'unknown_zone') return 'export.errors.zoneGone'
  // The server's heavy-work answers (http/heavyWorkAnswers.ts): each says what to try instead.
  if (error.code === 'server_busy') return 'export.errors.busy'
  if (error.code === 'work_too_slow') return 'export.errors.tooSlow'
  if (error.code === 'board_too_large') return 'export.errors.tooLarge'
  if (error.status === 401 || error.status === 403) return 'export.errors.noAccess'
  if (error.status === 404) return 'export.errors.boardGone'
  return 'export.errors.generic'
}

/**
 * One button per file format. The picture formats (PNG, SVG) can show one zone instead of the
 * whole board; the documents always cover everything.
 */
export function DownloadButtons({
  boardId,
  token,
  redact,
  names,
  compact,
  zones,
  withBackup,
}: {
  boardId: string
  token: string
  redact: boolean
  names: NameMode
  /** Compact report (true), full (false), or chosen by size (null). */
  compact: boolean | null
  zones: readonly ZoneData[]
  /** The JSON backup is offered to begeleiders only (the server refuses it to others). */
  withBackup: boolean
}) {
  const { t } = useTranslation()
  const zoneSelectId = useId()
  const [zoneId, setZoneId] = useState('')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)
  // A zone that was removed meanwhile is no longer offered (nor asked for).
  const chosenZone = zones.some((zone) => zone.id === zoneId) ? zoneId : ''

  async function download(format: ReportFormat) {
    setError(null)
    setStatus({ kind: 'busy', format })
    try {
      const picture = PICTURES.includes(format)
      const filename = await downloadReport(boardId, token, format, {
        redact,
        names,
        compact,
        zoneId: picture ? chosenZone || null : null,
      })
      setStatus({ kind: 'done', filename })
    } catch (caught) {
      setStatus({ kind: 'idle' })
      setError(t(downloadErrorKey(caught)))
    }
  }

  const button = (format: ReportFormat) => (
    <button
      key={format}
      type="button"
      className="button secondary export-format"
      onClick={() => void download(format)}
      disabled={status.kind === 'busy'}
      aria-busy={status.kind === 'busy' && status.format === format}
      data-testid={`export-download-${format}`}
    >
      <span className="export-format-name">{t(`export.formats.${format}.name`)}</span>
      <span className="export-format-hint">{t(`export.formats.${format}.hint`)}</span>
    </button>
  )

  return (
    <div className="export-downloads">
      <h3>{t('export.downloadTitle')}</h3>
      {redact && <p className="export-redact-note">{t('export.downloadRedacted')}</p>}
      <fieldset className="export-formats">
        <legend>{t('export.groups.documents')}</legend>
        <div className="export-format-group">{DOCUMENTS.map(button)}</div>
      </fieldset>
      <fieldset className="export-formats">
        <legend>{t('export.groups.data')}</legend>
        <div className="export-format-group">
          {DATA.filter((format) => withBackup || format !== 'json').map(button)}
        </div>
      </fieldset>
      <fieldset className="export-formats">
        <legend>{t('export.groups.pictures')}</legend>
        <div className="field">
          <label htmlFor={zoneSelectId}>{t('export.zoneLabel')}</label>
          <select
            id={zoneSelectId}
            value={chosenZone}
            onChange={(event) => setZoneId(event.target.value)}
            data-testid="export-zone"
          >
            <option value="">{t('export.wholeBoard')}</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.title.trim() || t('export.untitledZone')}
              </option>
            ))}
          </select>
        </div>
        <div className="export-format-group">{PICTURES.map(button)}</div>
      </fieldset>
      <p className="export-status" role="status" data-testid="export-status">
        {status.kind === 'busy' && t('export.downloading')}
        {status.kind === 'done' && t('export.downloaded', { filename: status.filename })}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
    </div>
  )
}
