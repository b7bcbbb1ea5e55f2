import { useMemo } from 'react'
import type { Block, NoteItem, TableBlock } from '../../../../shared/src/report/blocks'
import { buildReportDocument } from '../../../../shared/src/report/document'
import type { ReportLabels } from '../../../../shared/src/report/labels'
import { labelsOf } from '../../../../shared/src/report/outline'
import { renderBoardSvg } from '../../../../shared/src/report/svg'
import type { ReportModel } from '../../../../shared/src/report/types'
import './reportPreview.css'

/**
 * The report as the downloads will read it: the same report document (blocks) the HTML, DOCX,
 * PDF and Markdown files render, in the board's language. Every piece of board text is a React
 * text node, so a note reading "<img onerror=…>" is shown as it is written, never run. The board
 * picture is an <img> of an SVG data: URL, which cannot run scripts either.
 */
export function ReportPreview({ model, headingId }: { model: ReportModel; headingId?: string }) {
  const blocks = useMemo(() => buildReportDocument(model), [model])
  const labels = labelsOf(model)
  return (
    <article className="report-preview" lang={model.language} data-testid="report-preview">
      {blocks.map((block, index) => (
        // Blocks have no id of their own; their order is fixed by the report document.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <PreviewBlock key={index} block={block} model={model} labels={labels} headingId={headingId} />
      ))}
    </article>
  )
}

function PreviewBlock({
  block,
  model,
  labels,
  headingId,
}: {
  block: Block
  model: ReportModel
  labels: ReportLabels
  headingId: string | undefined
}) {
  switch (block.kind) {
    case 'title':
      return (
        <h3 id={headingId} dir="auto">
          {block.text}
        </h3>
      )
    case 'heading':
      return block.level === 2 ? <h4 dir="auto">{block.text}</h4> : <h5 dir="auto">{block.text}</h5>
    case 'facts':
    case 'keyFigures':
      return (
        <dl className="report-facts">
          {block.items.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd dir="auto">{fact.value}</dd>
            </div>
          ))}
        </dl>
      )
    case 'paragraph':
      return <Paragraph block={block} />
    case 'notes':
      return (
        <ul className={`report-notes${block.brief ? ' brief' : ''}`}>
          {block.notes.map((note) => (
            <Note key={note.id} note={note} labels={labels} />
          ))}
        </ul>
      )
    case 'table':
      return <Table block={block} />
    case 'figure':
      return <Picture model={model} alt={block.alt} />
    // The preview scrolls; contents, page breaks and the date stamp belong to the files.
    case 'contents':
    case 'pageBreak':
      return null
    case 'generated':
      return <p className="report-generated">{block.text}</p>
  }
}

function Paragraph({ block }: { block: Extract<Block, { kind: 'paragraph' }> }) {
  const label = block.label ? <strong>{block.label}: </strong> : null
  if (block.tone === 'question') {
    return (
      <blockquote className="report-question">
        {label}
        <span dir="auto">{block.text}</span>
      </blockquote>
    )
  }
  if (block.tone === 'notice') {
    return (
      <p className="report-notice" data-testid="report-redacted-notice">
        {block.text}
      </p>
    )
  }
  return (
    <p className={block.tone === 'muted' ? 'report-empty' : 'report-text'}>
      {label}
      <span dir="auto">{block.text}</span>
    </p>
  )
}

function Picture({ model, alt }: { model: ReportModel; alt: string }) {
  const src = useMemo(
    () =>
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderBoardSvg(model, { targetWidth: 900 }))}`,
    [model],
  )
  return (
    <figure className="report-picture">
      <img src={src} alt={alt} />
    </figure>
  )
}

function Table({ block }: { block: TableBlock }) {
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <thead>
          <tr>
            {block.header.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, rowIndex) => (
            // Rows have no id of their own; their order is fixed by the report.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={cellIndex} dir="auto" className={cellIndex >= block.numericFrom ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Note({ note, labels }: { note: NoteItem; labels: ReportLabels }) {
  return (
    <li className="report-note" style={{ borderLeftColor: note.color }} data-testid="report-note">
      <p
        className={`report-note-text${note.empty ? ' empty' : ''}`}
        dir="auto"
        data-testid="report-note-text"
      >
        {note.text}
      </p>
      <p className="report-caption">
        {note.context && <span>{note.context} · </span>}
        <span>{note.author}</span>
        {note.merged > 1 && <span>{` · ${labels.writtenTimes(note.merged)}`}</span>}
        {note.votes > 0 && (
          <>
            {' · '}
            <strong data-testid="report-note-votes">{labels.voteCount(note.votes)}</strong>
          </>
        )}
        {note.reactions && (
          <>
            {' · '}
            <span>
              <span className="visually-hidden">{labels.reactions}: </span>
              {note.reactions}
            </span>
          </>
        )}
      </p>
    </li>
  )
}
