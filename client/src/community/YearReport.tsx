import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CommunityReportFormat, fetchCommunityReport } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { filenameFrom, saveBlob } from '../panels/export/reportApi'
import { communityErrorKey } from './useCommunity'

const FORMATS: readonly CommunityReportFormat[] = ['pdf', 'docx', 'html', 'md']

/** The Jaaroverzicht in the session report's formats, fetched with the key and saved. */
export function YearReport({ communityId, communityKey }: { communityId: string; communityKey: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<CommunityReportFormat | null>(null)

  const download = async (format: CommunityReportFormat) => {
    setError(null)
    setBusy(format)
    try {
      const { blob, disposition } = await fetchCommunityReport(communityId, communityKey, format)
      saveBlob(blob, filenameFrom(disposition, `jaaroverzicht.${format}`))
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <p className="card-intro">{t('community.report.intro')}</p>
      <div className="community-download-buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button secondary"
            aria-disabled={busy !== null}
            onClick={() => busy === null && void download(format)}
            data-testid={`community-report-${format}`}
          >
            {busy === format ? t('community.report.busy') : t(`community.report.${format}`)}
          </button>
        ))}
      </div>
      <FormError message={error} />
    </>
  )
}
