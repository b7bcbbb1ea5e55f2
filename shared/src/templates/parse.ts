import type { z } from 'zod'
import { TEMPLATE_LIMITS, type Template, templateSchema } from './schema'

/**
 * Reading a template file that a person uploaded or pasted. The caller shows `message` to that
 * person (wrapped in a translated sentence), so it says what is wrong and where, in plain words,
 * and never throws.
 */

export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; message: string }

/** How many problems to name; after that people fix and retry, and a long list only hides the first. */
const MAX_REPORTED_ISSUES = 3

/** A JSON-style location such as `zones[2].title.nl`, which matches what people see in the file. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? formatPath(issue.path) : 'the template'
  return `${where}: ${plainMessage(issue)}`
}

/**
 * zod's wording for a wrong root or a missing field ("expected object, received undefined") is
 * unclear to people who did not write code. Inputs are only inspected here, never echoed: they can
 * be large. (A per-parse error map would be neater, but zod 4.6 did not apply it to every issue.)
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message
  if (issue.path.length === 0) return 'must be a JSON object'
  if ('input' in issue && issue.input === undefined) return 'is missing'
  return issue.message
}

function describeSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.ceil(chars / 1000)} KB`
}

export function parseTemplateJson(text: string): ParseTemplateResult {
  if (typeof text !== 'string') return { ok: false, message: 'The template must be given as text.' }
  if (text.length > TEMPLATE_LIMITS.jsonChars) {
    return {
      ok: false,
      message: `The template file is too large (${describeSize(text.length)}; at most ${describeSize(TEMPLATE_LIMITS.jsonChars)}).`,
    }
  }
  // Editors on Windows often save a byte-order mark, which JSON.parse refuses.
  const source = text.replace(/^\uFEFF/, '')
  if (source.trim() === '') return { ok: false, message: 'The template file is empty.' }

  let data: unknown
  try {
    data = JSON.parse(source)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The template is not valid JSON (${detail}).` }
  }

  const result = templateSchema.safeParse(data, { reportInput: true })
  if (result.success) return { ok: true, template: result.data }

  const issues = result.error.issues
  const named = issues.slice(0, MAX_REPORTED_ISSUES).map(formatIssue)
  const more = issues.length - named.length
  const tail = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''
  return { ok: false, message: `The template is not valid: ${named.join('; ')}${tail}.` }
}
