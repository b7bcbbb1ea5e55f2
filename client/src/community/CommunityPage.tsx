import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommunityPage as CommunityData } from '../api/communityApi'
import { currentLanguage } from '../i18n'
import { PageHeader } from '../landing/PageHeader'
import { templateLabel } from '../landing/templates/templateText'
import { useTemplates } from '../landing/templates/useTemplates'
import { AboutCommunity } from './AboutCommunity'
import { ActionList } from './ActionList'
import { CommunitySettings } from './CommunitySettings'
import { communityLink, getStoredCommunity, saveCommunity } from './communityStorage'
import { KeepCommunityLink } from './KeepCommunityLink'
import { NextSessionForm } from './NextSessionForm'
import { NoCommunityKey } from './NoCommunityKey'
import { SearchBox } from './SearchBox'
import { SessionList } from './SessionList'
import { useCommunity } from './useCommunity'
import { YearReport } from './YearReport'
import './i18n/index'
import '../session/lookback/i18n/index'
import './community.css'
import '../styles/statusChips.css'

/** `/c/<id>`: a community's page for whoever holds its key (facilitators). */
export function CommunityPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation()
  const { access, reload, replace } = useCommunity(communityId)
  return (
    <div className="page">
      <PageHeader />
      <main className="page-main community-page" data-testid="community-page">
        {access.kind === 'checking' && (
          <p className="loading" role="status">
            {t('community.loading')}
          </p>
        )}
        {access.kind === 'noKey' && (
          <NoCommunityKey communityId={communityId} refused={access.refused} onKey={() => void reload()} />
        )}
        {access.kind === 'error' && (
          <p className="form-error" role="alert">
            {t(access.messageKey)}
          </p>
        )}
        {access.kind === 'ready' && (
          <CommunityView page={access.page} communityKey={access.key} onChanged={replace} reload={reload} />
        )}
      </main>
    </div>
  )
}

interface CommunityViewProps {
  page: CommunityData
  communityKey: string
  onChanged: (page: CommunityData) => void
  reload: () => Promise<void>
}

function CommunityView({ page, communityKey, onChanged, reload }: CommunityViewProps) {
  const { t } = useTranslation()
  const templates = useTemplates().state
  const templateList = templates.status === 'ready' ? templates.templates : []
  const language = currentLanguage()
  const templateName = useCallback(
    (id: string) => {
      const entry = templateList.find((candidate) => candidate.id === id)
      return entry ? templateLabel(entry, language) : id
    },
    [templateList, language],
  )
  const [showLink, setShowLink] = useState(() => getStoredCommunity(page.id)?.linkPrompt === true)
  const nextPosition = (page.sessions.at(-1)?.position ?? 0) + 1
  const openActions = page.actions.filter((action) => action.status !== 'done').length

  return (
    <>
      {showLink && (
        <KeepCommunityLink
          url={communityLink(location.origin, page.id, communityKey)}
          onClose={() => {
            saveCommunity(page.id, { linkPrompt: undefined })
            setShowLink(false)
          }}
        />
      )}
      <AboutCommunity page={page} communityKey={communityKey} onChanged={onChanged} />

      <section className="card community-section" aria-labelledby="community-next-heading">
        <h2 id="community-next-heading">{t('community.next.heading', { number: nextPosition })}</h2>
        <p className="card-intro">
          {page.sessions.length > 0
            ? t('community.next.intro', { count: openActions })
            : t('community.next.introFirst')}
        </p>
        <NextSessionForm
          communityId={page.id}
          communityKey={communityKey}
          nextPosition={nextPosition}
          hasSessions={page.sessions.length > 0}
          templates={templateList}
        />
      </section>

      <section className="community-section" aria-labelledby="community-sessions-heading">
        <h2 id="community-sessions-heading">
          {t('community.sessions.heading', { count: page.sessions.length })}
        </h2>
        <SessionList
          communityId={page.id}
          communityKey={communityKey}
          sessions={page.sessions}
          templateName={templateName}
        />
      </section>

      <section className="card community-section" aria-labelledby="community-actions-heading">
        <h2 id="community-actions-heading">{t('community.actions.heading')}</h2>
        <p className="card-intro">{t('community.actions.intro')}</p>
        <ActionList actions={page.actions} />
      </section>

      <section className="card community-section" aria-labelledby="community-search-heading">
        <h2 id="community-search-heading">{t('community.search.heading')}</h2>
        <SearchBox communityId={page.id} communityKey={communityKey} />
      </section>

      <section className="card community-section" aria-labelledby="community-report-heading">
        <h2 id="community-report-heading">{t('community.report.heading')}</h2>
        <YearReport communityId={page.id} communityKey={communityKey} />
      </section>

      <section className="card community-section" aria-labelledby="community-settings-heading">
        <h2 id="community-settings-heading">{t('community.settings.heading')}</h2>
        <CommunitySettings
          page={page}
          communityKey={communityKey}
          onChanged={onChanged}
          onNewKey={() => void reload()}
        />
      </section>
    </>
  )
}
