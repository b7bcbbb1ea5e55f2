import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { HarvestNotes } from '../../../../shared/src/model/harvestNotes'
import { setReportsShared } from '../../../../shared/src/model/session'
import { cleanText } from '../../../../shared/src/report/text'
import { Modal } from '../../components/Modal'
import { DeleteBoardSection } from './DeleteBoard'
import { DownloadButtons } from './DownloadButtons'
import { useFocusTrap, useReportPreview, useReportsShared } from './exportHooks'
import { HarvestNotesEditor, useHarvestNotes } from './HarvestNotesEditor'
import { PrivacyChoiceControls, PrivacyFlags, usePrivacyChoices } from './PrivacyFlags'
import { ReportPreview } from './ReportPreview'

export interface ExportDialogProps {
  open: boolean
  onClose: () => void
  boardId: string
  token: string
  isFacilitator: boolean
  /** The control document, once connected (sharing the report is a flag in it). */
  control: Y.Doc | null
  onDeleteRequest: () => void
}

/**
 * "Oogst exporteren": what the report will say (a preview from the server), the personal data
 * found in notes with the choice to leave it out, and a download button per format. Facilitators
 * also share the report with participants here, and delete the board when the session is done.
 * A modal <dialog>: focus stays inside, Escape closes it.
 */
export function ExportDialog(props: ExportDialogProps) {
  const headingId = useId()
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      labelledBy={headingId}
      className="export-dialog"
      testId="export-dialog"
    >
      <ExportContent {...props} headingId={headingId} />
    </Modal>
  )
}

function ExportContent({
  onClose,
  boardId,
  token,
  isFacilitator,
  control,
  onDeleteRequest,
  headingId,
}: ExportDialogProps & { headingId: string }) {
  const { t } = useTranslation()
  const flagsHeadingId = useId()
  const previewHeadingId = useId()
  const privacy = usePrivacyChoices()
  const { names } = privacy
  // Participants get a shared report with personal data left out, always (the server insists too).
  const redact = isFacilitator ? privacy.redact : true
  const [length, setLength] = useState<ReportLength>('auto')
  const compact = length === 'auto' ? null : length === 'compact'
  const preview = useReportPreview(boardId, token, redact, compact, names)
  const { seeFlags } = privacy
  useEffect(() => seeFlags(preview.current?.flags ?? null), [preview.current, seeFlags])
  const harvest = useHarvestNotes(isFacilitator ? control : null)
  const fetched = preview.current?.model ?? null
  // The facilitator's summary fields show in the preview as they are typed in, before a refresh.
  const model = useMemo(
    () => (fetched && isFacilitator && control ? { ...fetched, harvest: cleanHarvest(harvest) } : fetched),
    [fetched, harvest, isFacilitator, control],
  )
  const flags = preview.current?.flags ?? []
  const contentRef = useRef<HTMLDivElement>(null)
  useFocusTrap(contentRef)

  return (
    <div className="dialog-content export-content" ref={contentRef}>
      <div className="export-head">
        <h2 id={headingId}>{t('export.title')}</h2>
        <button
          type="button"
          className="button secondary export-close"
          onClick={onClose}
          data-testid="export-close"
        >
          {t('export.close')}
        </button>
      </div>
      <div className="export-columns">
        <div className="export-controls">
          <section className="export-privacy" aria-labelledby={flagsHeadingId} data-testid="export-privacy">
            {preview.current && (
              <PrivacyFlags
                flags={flags}
                model={preview.original}
                redact={redact}
                headingId={flagsHeadingId}
              />
            )}
            {isFacilitator ? (
              <PrivacyChoiceControls choices={privacy} />
            ) : (
              <p className="export-redact-hint" data-testid="export-redacted-for-participants">
                {t('export.redactedForParticipants')}
              </p>
            )}
          </section>
          <LengthChoice value={length} onChange={setLength} />
          {isFacilitator && <HarvestNotesEditor control={control} />}
          <DownloadButtons
            boardId={boardId}
            token={token}
            redact={redact}
            names={names}
            compact={compact}
            zones={model?.zones ?? []}
            withBackup={isFacilitator}
          />
          {isFacilitator && <ShareToggle control={control} />}
          {isFacilitator && <DeleteBoardSection onRequest={onDeleteRequest} />}
        </div>
        <section className="export-preview" aria-labelledby={previewHeadingId}>
          <div className="export-preview-head">
            <h3 id={previewHeadingId}>{t('export.previewTitle')}</h3>
            <button
              type="button"
              className="button secondary"
              onClick={preview.refresh}
              disabled={preview.loading}
              data-testid="export-refresh"
            >
              {t('export.refresh')}
            </button>
          </div>
          <p className="export-status" role="status">
            {preview.loading ? t('export.previewLoading') : ''}
          </p>
          {preview.errorKey && (
            <p className="form-error" role="alert" data-testid="export-preview-error">
              {t(preview.errorKey)}
            </p>
          )}
          {model && (
            // A scrolling region keyboard users can reach and scroll (WCAG 2.1.1), named by its title.
            <section
              className="export-preview-scroll"
              aria-label={t('export.previewTitle')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must take focus to scroll by keys
              tabIndex={0}
              aria-busy={preview.loading}
            >
              <ReportPreview model={model} />
            </section>
          )}
        </section>
      </div>
    </div>
  )
}

/** "Deel de oogst met deelnemers": participants may then open this dialog and download too. */
function ShareToggle({ control }: { control: Y.Doc | null }) {
  const { t } = useTranslation()
  const id = useId()
  const shared = useReportsShared(control)
  return (
    <section className="export-share">
      <div className="export-redact">
        <input
          id={id}
          type="checkbox"
          checked={shared}
          disabled={!control}
          onChange={(event) => {
            if (control) setReportsShared(control, event.target.checked)
          }}
          data-testid="export-share"
        />
        <label htmlFor={id}>
          <span className="export-redact-label">{t('export.share')}</span>
          <span className="export-redact-hint">{shared ? t('export.shareOn') : t('export.shareOff')}</span>
        </label>
      </div>
    </section>
  )
}

type ReportLength = 'auto' | 'full' | 'compact'

function cleanHarvest(notes: HarvestNotes): HarvestNotes {
  return { ...notes, insights: cleanText(notes.insights), followUp: cleanText(notes.followUp) }
}

/** "Omvang": a full report, a compact one (groups and the top notes), or chosen by the board's size. */
function LengthChoice({ value, onChange }: { value: ReportLength; onChange: (value: ReportLength) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field export-length">
      <label htmlFor={id}>{t('export.length.label')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as ReportLength)}
        data-testid="export-length"
      >
        <option value="auto">{t('export.length.auto')}</option>
        <option value="full">{t('export.length.full')}</option>
        <option value="compact">{t('export.length.compact')}</option>
      </select>
    </div>
  )
}
