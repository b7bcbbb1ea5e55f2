import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommunitySession } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { downloadReport } from '../panels/export/reportApi'
import { facilitatorTokenFor, openSessionAsFacilitator } from './sessionAccess'
import { formatDate, SESSION_STATUS_KEY } from './statusLabels'
import { communityErrorKey } from './useCommunity'

const REPORT_FORMATS = ['pdf', 'docx', 'html', 'md'] as const

interface SessionListProps {
  communityId: string
  communityKey: string
  sessions: readonly CommunitySession[]
  /** A template's name in the UI language (its id while the list loads). */
  templateName: (templateId: string) => string
}

/** The community's sessions in order, each with its summary and what a facilitator does with it. */
export function SessionList({ communityId, communityKey, sessions, templateName }: SessionListProps) {
  const { t } = useTranslation()
  if (sessions.length === 0) return <p className="community-empty">{t('community.sessions.none')}</p>
  return (
    <ol className="community-sessions" data-testid="community-sessions">
      {sessions.map((session) => (
        <SessionCard
          key={session.boardId}
          communityId={communityId}
          communityKey={communityKey}
          session={session}
          templateName={templateName}
        />
      ))}
    </ol>
  )
}

function SessionCard({
  communityId,
  communityKey,
  session,
  templateName,
}: {
  communityId: string
  communityKey: string
  session: CommunitySession
  templateName: (templateId: string) => string
}) {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const headingId = `community-session-${session.position}`

  const open = async () => {
    setBusy(true)
    setError(null)
    try {
      await openSessionAsFacilitator(communityId, communityKey, session)
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
      setBusy(false)
    }
  }
  const download = async (format: (typeof REPORT_FORMATS)[number]) => {
    setError(null)
    try {
      const token = await facilitatorTokenFor(communityId, communityKey, session)
      await downloadReport(session.boardId, token, format, { redact: false })
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    }
  }

  return (
    <li className="community-session" aria-labelledby={headingId} data-testid="community-session">
      <div className="community-session-head">
        <h3 id={headingId}>
          <span className="community-session-number">
            {t('community.sessions.number', { number: session.position })}
          </span>{' '}
          {session.title}
        </h3>
        <span className={`status-chip status-${session.status}`} data-testid="community-session-status">
          {t(SESSION_STATUS_KEY[session.status])}
        </span>
      </div>
      <p className="community-meta">
        {formatDate(session.createdAt, i18n.language)}
        {' · '}
        {t('community.sessions.participants', { count: session.participants })}
        {session.templateId && (
          <>
            {' · '}
            {t('community.sessions.template', { template: templateName(session.templateId) })}
          </>
        )}
      </p>
      {session.question && (
        <p className="community-question">
          <span className="visually-hidden">{t('community.sessions.question')}: </span>
          {session.question}
        </p>
      )}
      {session.topNotes.length > 0 && (
        <>
          <h4>{t('community.sessions.topNotes')}</h4>
          <ol className="community-top-notes">
            {session.topNotes.map((note, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of at most three, in order
              <li key={index}>
                {note.text}
                {note.votes > 0 && (
                  <span className="community-votes">
                    {' '}
                    {t('community.sessions.votes', { count: note.votes })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {session.agreements.length > 0 && (
        <>
          <h4>{t('community.sessions.agreements')}</h4>
          <ul className="community-agreements">
            {session.agreements.map((agreement, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's order, read-only
              <li key={index}>
                <strong>{agreement.who || t('community.actions.nobody')}</strong>: {agreement.what}
                {agreement.when && <span className="community-when"> ({agreement.when})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="community-session-buttons">
        <button
          type="button"
          className="button primary"
          onClick={open}
          disabled={busy}
          aria-describedby={headingId}
          data-testid="community-session-open"
        >
          {t('community.sessions.open')}
        </button>
        <details className="community-downloads">
          <summary>{t('community.sessions.report')}</summary>
          <div className="community-download-buttons">
            {REPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button secondary"
                onClick={() => void download(format)}
                aria-label={t('community.sessions.reportAs', {
                  format: format.toUpperCase(),
                  title: session.title,
                })}
                data-testid={`community-session-report-${format}`}
              >
                {format.toUpperCase()}
              </button>
            ))}
          </div>
        </details>
      </div>
      <FormError message={error} />
    </li>
  )
}
