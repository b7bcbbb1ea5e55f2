import { useMemo } from 'react'
import { NOTE_COLOR_HEX } from '../../../../shared/src/model/colors'
import {
  agreementTable,
  authorLabel,
  documentHeading,
  generatedLine,
  groupTitle,
  headerFacts,
  labelsOf,
  quoted,
  reactionsText,
  roundTable,
  sectionPrompt,
  sectionTitle,
  summaryFacts,
} from '../../../../shared/src/report/outline'
import { renderBoardSvg } from '../../../../shared/src/report/svg'
import type { ReportModel, ReportNote, ReportSection } from '../../../../shared/src/report/types'
import './reportPreview.css'

/**
 * The report as the downloads will read, built from the same model and the same wording helpers
 * as the HTML, DOCX and PDF files (in the board's language, like those files). Every piece of
 * board text is a React text node, so a note reading "<img onerror=…>" is shown as it is written,
 * never run. The board picture is an <img> of an SVG data: URL, which cannot run scripts either.
 */
export function ReportPreview({ model, headingId }: { model: ReportModel; headingId?: string }) {
  const labels = labelsOf(model)
  const picture = useMemo(
    () =>
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderBoardSvg(model, { targetWidth: 900 }))}`,
    [model],
  )
  return (
    <article className="report-preview" lang={model.language} data-testid="report-preview">
      <h3 id={headingId} dir="auto">
        {documentHeading(model)}
      </h3>
      <dl className="report-facts">
        {headerFacts(model).map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd dir="auto">{fact.value}</dd>
          </div>
        ))}
      </dl>
      {model.redacted && (
        <p className="report-notice" data-testid="report-redacted-notice">
          {labels.redactedNotice}
        </p>
      )}
      {model.centralQuestion && (
        <blockquote className="report-question">
          <strong>{labels.centralQuestion}:</strong> <span dir="auto">{quoted(model.centralQuestion)}</span>
        </blockquote>
      )}
      <figure className="report-picture">
        <img src={picture} alt={labels.boardPictureAlt(model.title)} />
      </figure>
      {model.rounds.length > 0 && (
        <>
          <h4>{labels.rounds}</h4>
          <Table rows={roundTable(model)} />
        </>
      )}
      {model.sections.map((section) => (
        <Section key={section.zone?.id ?? 'unzoned'} section={section} model={model} />
      ))}
      <h4>{labels.summary}</h4>
      <dl className="report-facts">
        {summaryFacts(model).map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <p className="report-generated">{generatedLine(model)}</p>
    </article>
  )
}

function Table({ rows }: { rows: string[][] }) {
  const [header, ...body] = rows
  if (!header) return null
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <thead>
          <tr>
            {header.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, rowIndex) => (
            // Rows have no id of their own; their order is fixed by the report.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={cellIndex} dir="auto">
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

function Section({ section, model }: { section: ReportSection; model: ReportModel }) {
  const labels = labelsOf(model)
  const prompt = sectionPrompt(section, model)
  return (
    <section className="report-section" data-testid="report-section">
      <h4 dir="auto">{sectionTitle(section, labels)}</h4>
      {prompt && (
        <p className="report-prompt">
          <strong>{labels.question}:</strong> <span dir="auto">{prompt}</span>
        </p>
      )}
      {section.noteCount === 0 ? (
        <p className="report-empty">{labels.noNotes}</p>
      ) : section.kind === 'agreements' ? (
        <Table rows={agreementTable(section, labels)} />
      ) : (
        section.groups.map((group) => {
          const title = groupTitle(group, section, labels)
          return (
            <div key={group.cluster?.id ?? 'rest'} className="report-group">
              {title && <h5 dir="auto">{title}</h5>}
              <ul className="report-notes">
                {group.notes.map((note) => (
                  <Note key={note.id} note={note} model={model} />
                ))}
              </ul>
            </div>
          )
        })
      )}
    </section>
  )
}

function Note({ note, model }: { note: ReportNote; model: ReportModel }) {
  const labels = labelsOf(model)
  const empty = note.text.trim() === ''
  const reactions = reactionsText(note)
  return (
    <li
      className="report-note"
      style={{ borderLeftColor: NOTE_COLOR_HEX[note.color] }}
      data-testid="report-note"
    >
      <p className={`report-note-text${empty ? ' empty' : ''}`} dir="auto" data-testid="report-note-text">
        {empty ? labels.emptyNote : note.text}
      </p>
      <p className="report-caption">
        <span>{authorLabel(note, labels)}</span>
        {note.votes > 0 && (
          <>
            {' · '}
            <strong data-testid="report-note-votes">{labels.voteCount(note.votes)}</strong>
          </>
        )}
        {reactions && (
          <>
            {' · '}
            <span>
              <span className="visually-hidden">{labels.reactions}: </span>
              {reactions}
            </span>
          </>
        )}
      </p>
    </li>
  )
}
