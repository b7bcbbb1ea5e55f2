import type { PreviewRect } from '../../api/templatesApi'

const PADDING_RATIO = 0.04

/**
 * A small picture of a template's layout: its zones as rounded rectangles, scaled to fit. Purely
 * decorative (the card says how many zones there are), so it is hidden from screen readers.
 */
export function TemplatePreview({ rects }: { rects: readonly PreviewRect[] }) {
  if (rects.length === 0) {
    return (
      <svg className="template-preview" viewBox="0 0 160 100" aria-hidden="true" focusable="false">
        <rect className="template-preview-empty" x="6" y="6" width="148" height="88" rx="8" />
      </svg>
    )
  }
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y))
  const maxX = Math.max(...rects.map((r) => r.x + r.width))
  const maxY = Math.max(...rects.map((r) => r.y + r.height))
  const width = Math.max(1, maxX - minX)
  const height = Math.max(1, maxY - minY)
  const pad = Math.max(width, height) * PADDING_RATIO
  const radius = Math.max(width, height) * 0.02
  return (
    <svg
      className="template-preview"
      viewBox={`${minX - pad} ${minY - pad} ${width + 2 * pad} ${height + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      {rects.map((rect, index) => (
        <rect
          // Preview rectangles have no ids; their order is the template's zone order.
          // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
          key={index}
          className="template-preview-zone"
          x={rect.x + pad * 0.15}
          y={rect.y + pad * 0.15}
          width={Math.max(1, rect.width - pad * 0.3)}
          height={Math.max(1, rect.height - pad * 0.3)}
          rx={radius}
          strokeWidth={pad * 0.25}
        />
      ))}
    </svg>
  )
}
