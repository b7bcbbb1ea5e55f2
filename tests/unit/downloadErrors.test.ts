import { describe, expect, it } from 'vitest'
import { ApiError } from '../../client/src/api/http'
import { downloadErrorKey } from '../../client/src/panels/export/DownloadButtons'
import exportEn from '../../client/src/panels/export/i18n/en.json'
import exportNl from '../../client/src/panels/export/i18n/nl.json'

/** Follows a dotted key like `export.errors.busy` into an i18n file; undefined when missing. */
function textAt(file: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file)
}

describe('what the export dialog says when a download fails', () => {
  // The heavy-work answers (server/src/http/heavyWorkAnswers.ts) and the ones before them.
  const cases: Array<[ApiError | Error, string]> = [
    [new ApiError(503, 'server_busy', 'busy'), 'export.errors.busy'],
    [new ApiError(503, 'work_too_slow', 'slow'), 'export.errors.tooSlow'],
    [new ApiError(413, 'board_too_large', 'large'), 'export.errors.tooLarge'],
    [new ApiError(0, 'network', 'offline'), 'export.errors.network'],
    [new ApiError(403, 'reports_not_shared', 'no'), 'export.errors.notShared'],
    [new ApiError(401, 'unauthorized', 'no'), 'export.errors.noAccess'],
    [new ApiError(404, 'not_found', 'gone'), 'export.errors.boardGone'],
    [new ApiError(500, 'internal', 'oops'), 'export.errors.generic'],
    [new Error('anything else'), 'export.errors.generic'],
  ]

  it.each(cases)('%s → its own text, in Dutch and English', (error, key) => {
    expect(downloadErrorKey(error)).toBe(key)
    expect(textAt(exportNl, key)).toEqual(expect.any(String))
    expect(textAt(exportEn, key)).toEqual(expect.any(String))
  })

  it('tells what to try instead when the board is too much for one download', () => {
    for (const key of ['export.errors.tooSlow', 'export.errors.tooLarge']) {
      expect(textAt(exportNl, key)).toContain('Kort')
      expect(textAt(exportEn, key)).toContain('Short')
    }
  })
})
