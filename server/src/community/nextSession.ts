import type { Language } from '../../../shared/src/model/meta'
import { deleteZone } from '../../../shared/src/model/zones'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import { templateFromBoard } from '../../../shared/src/templates/fromBoard'
import type { Template } from '../../../shared/src/templates/schema'
import type { CreatedBoard } from '../boards/boardService'
import { buildInitialDocs } from '../boards/initialDocs'
import type { TemplateService } from '../boards/templateService'
import { docFrom } from '../lib/storedDocs'
import { openActions } from './communityActions'
import { CommunityError, type CommunityService, type CommunitySession } from './communityService'
import { buildNextSessionDocs, lookbackZoneIds } from './nextSessionDocs'

/**
 * A community's next session (issue 19): a board made like POST /api/boards, from a template or
 * (by default) the last session's zones and script without its notes, with the central question
 * and the Terugblik of the actions still open; then linked to the community as its next position.
 */

export interface NextSessionRequest {
  title: string
  question?: string | undefined
  templateId?: string | undefined
  copyFromLast: boolean
  language?: Language | undefined
}

/** The last session's layout and rounds as a template; the board keeps its template's name. */
async function lastSessionTemplate(service: CommunityService, last: CommunitySession): Promise<Template> {
  const [content, control] = await Promise.all([
    service.deps.store.loadRoom(contentRoom(last.boardId)),
    service.deps.store.loadRoom(controlRoom(last.boardId)),
  ])
  const [contentDoc, controlDoc] = [docFrom(content), docFrom(control)]
  // The last session's own Terugblik is not copied: the new session gets its own, on top.
  for (const zoneId of lookbackZoneIds(contentDoc, controlDoc)) deleteZone(contentDoc, zoneId)
  const copied = templateFromBoard(contentDoc, controlDoc, { label: last.title })
  return { ...copied, id: last.board.templateId }
}

async function chooseTemplate(
  service: CommunityService,
  templates: TemplateService,
  request: NextSessionRequest,
  last: CommunitySession | undefined,
): Promise<Template> {
  if (request.templateId === undefined && request.copyFromLast && last)
    return lastSessionTemplate(service, last)
  const id = request.templateId ?? 'leeg'
  const template = await templates.resolve(id)
  if (!template) throw new CommunityError(400, 'unknown_template', `There is no template "${id}".`)
  return template
}

export async function createNextSession(
  service: CommunityService,
  templates: TemplateService,
  communityId: string,
  request: NextSessionRequest,
): Promise<CreatedBoard & { position: number }> {
  const sessions = await service.sessions(communityId)
  const last = sessions.at(-1)
  // Read before the new board exists: the agreements of every session so far become actions.
  await service.syncedSummaries(communityId, sessions)
  return service.serial(communityId, async () => {
    const template = await chooseTemplate(service, templates, request, last)
    const language = request.language ?? last?.board.language ?? 'nl'
    const open = openActions(await service.actions(communityId, sessions))
    const docs = buildNextSessionDocs(buildInitialDocs({ title: request.title, language, template }), {
      language,
      question: request.question,
      openActions: open,
    })
    const created = await service.deps.boards.createBoard({ title: request.title, language, template, docs })
    try {
      const position = await service.deps.store.addCommunitySession(communityId, created.board.id, Date.now())
      return { ...created, position }
    } catch (error) {
      // A board that belongs to no community after all is not left behind.
      await service.deps.boards.deleteBoard(created.board.id)
      throw error
    }
  })
}
