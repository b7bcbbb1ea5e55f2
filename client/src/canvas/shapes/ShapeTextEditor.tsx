import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  SHAPE_COLOR_HEX,
  SHAPE_TEXT_MAX_LENGTH,
  type ShapeData,
  updateShape,
} from '../../../../shared/src/model'
import { localEdit } from '../../sync/localOrigin'
import { FONT_FAMILY } from '../noteLayout'
import { toScreenRect, type Viewport } from '../viewport'

interface ShapeTextEditorProps {
  doc: Y.Doc
  shape: ShapeData
  viewport: Viewport
  onClose: (text: string) => void
}

/**
 * Editing a text label in place: a textarea over the label with the same font, size and colour.
 * Labels are short and written by one facilitator, so each change simply replaces the text; the
 * box grows with the text so arrows and selection boxes fit it.
 */
export function ShapeTextEditor({ doc, shape, viewport, onClose }: ShapeTextEditorProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLTextAreaElement>(null)
  const scale = viewport.scale

  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per opened label
  useEffect(() => {
    const area = ref.current
    if (!area) return
    area.value = shape.text
    area.focus()
    area.select()
    fitHeight(area)
  }, [shape.id])

  const fitHeight = (area: HTMLTextAreaElement) => {
    area.style.height = '0px'
    area.style.height = `${area.scrollHeight}px`
  }

  const onInput = () => {
    const area = ref.current
    if (!area) return
    fitHeight(area)
    const height = Math.max(shape.fontSize * 1.3, area.scrollHeight / scale)
    localEdit(doc, () => updateShape(doc, shape.id, { text: area.value, height: Math.round(height) }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault()
      onClose(ref.current?.value ?? '')
    }
    event.stopPropagation()
  }

  const rect = toScreenRect(viewport, shape)
  return (
    <textarea
      ref={ref}
      className="shape-text-editor"
      data-testid="shape-text-editor"
      aria-label={t('shapes.textLabel')}
      placeholder={t('shapes.textPlaceholder')}
      maxLength={SHAPE_TEXT_MAX_LENGTH}
      onInput={onInput}
      onKeyDown={onKeyDown}
      onBlur={() => onClose(ref.current?.value ?? '')}
      rows={1}
      style={{
        left: rect.x,
        top: rect.y,
        width: rect.width,
        fontFamily: FONT_FAMILY,
        fontSize: `${shape.fontSize * scale}px`,
        fontWeight: 700,
        lineHeight: 1.2,
        color: SHAPE_COLOR_HEX[shape.color],
      }}
    />
  )
}
