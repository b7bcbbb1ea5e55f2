import { describe, expect, it } from 'vitest'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'

type ErrorBody = { error: { code: string; message: string } }

/**
 * The facilitator-only HTTP routes (full report, save as template) check a co-facilitator's token
 * as it is now, like the WebSocket upgrade does: revocation and role changes count at once, not
 * only the token's signature and expiry.
 */
describe('facilitator routes follow revocation and role changes', () => {
  const harness = serverHarness()

  it('refuses a demoted or removed co-facilitator the report and saving as template', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Gedeeld bord', { templateId: 'los-model' })
    const owner = { authorization: `Bearer ${board.facilitatorKey}` }
    const as = (token: string) => ({ authorization: `Bearer ${token}` })
    const report = (token: string) =>
      api<ErrorBody>(server.url, 'GET', `/api/boards/${board.id}/report?format=json`, undefined, as(token))
    const saveTemplate = (token: string) =>
      api<ErrorBody>(server.url, 'POST', `/api/boards/${board.id}/template`, { label: 'Kopie' }, as(token))
    const idOf = async (token: string) =>
      (
        await api<{ participantId: string }>(
          server.url,
          'GET',
          `/api/boards/${board.id}`,
          undefined,
          as(token),
        )
      ).body.participantId

    const demoted = await tokenFor(server.url, board, 'facilitator', 'Co')
    const removed = await tokenFor(server.url, board, 'facilitator', 'Ex')
    for (const token of [demoted, removed]) {
      expect((await report(token)).status).toBe(200)
      expect((await saveTemplate(token)).status).toBe(201)
    }

    const demotedId = await idOf(demoted)
    const role = { role: 'participant' }
    const demote = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/participants/${demotedId}/role`,
      role,
      owner,
    )
    expect(demote.status).toBe(204)
    const demotedReport = await report(demoted)
    expect(demotedReport.status).toBe(403)
    // A participant now: the report only once the facilitator shares it.
    expect(demotedReport.body.error.code).toBe('reports_not_shared')
    const demotedSave = await saveTemplate(demoted)
    expect(demotedSave.status).toBe(403)
    expect(demotedSave.body.error).toMatchObject({ code: 'forbidden' })

    const removedId = await idOf(removed)
    const revoke = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/participants/${removedId}/revoke`,
      undefined,
      owner,
    )
    expect(revoke.status).toBe(204)
    for (const refused of [await report(removed), await saveTemplate(removed)]) {
      expect(refused.status).toBe(401)
      expect(refused.body.error).toMatchObject({ code: 'unauthorized', message: expect.any(String) })
    }

    // The board's own facilitator key is untouched by both.
    expect(
      (await api(server.url, 'GET', `/api/boards/${board.id}/report?format=json`, undefined, owner)).status,
    ).toBe(200)
  })
})
