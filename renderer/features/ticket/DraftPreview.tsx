import { Fragment, useMemo } from 'react';

import { buildAdf } from '../../../shared/ticket/adf-build';
import type { Block, Span } from '../../../shared/ticket/blocks';
import type { TicketDraft } from '../../../shared/ticket/draft';
import { draftBlocks } from '../../../shared/ticket/sections';

function SpanView({ span }: { span: Span }) {
  if (span.kind === 'label') return <strong>{span.text}</strong>;
  if (span.kind === 'data') return <span className="ticket-data">{span.text}</span>;
  const lines = span.text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((span, i) => (
        <SpanView key={i} span={span} />
      ))}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p>
          <Spans spans={block.spans} />
        </p>
      );
    case 'bullets':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <Spans spans={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="ticket-table-wrap">
          <table className="ticket-table">
            <thead>
              <tr>
                {block.header.map((name) => (
                  <th key={name}>{name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((cells, i) => (
                <tr key={i}>
                  {cells.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** Where the issue goes, as far as it is chosen: `SEC / Incident`, or what is still to choose. */
function crumbs(projectKey: string | null, issueTypeName: string | null): string {
  if (!projectKey) return 'No project chosen yet';
  return `${projectKey} / ${issueTypeName ?? 'no issue type chosen yet'}`;
}

/**
 * The issue as Jira will show it, from the same blocks the ADF is built from. Every value is a
 * React text node: event data never becomes markup, a link or a mention here either.
 */
export function DraftPreview({
  draft,
  projectKey,
  issueTypeName,
}: {
  draft: TicketDraft;
  projectKey: string | null;
  issueTypeName: string | null;
}) {
  // The same limits as the description Jira receives, so a long draft previews as it will be sent.
  const blocks = useMemo(() => draftBlocks(draft, buildAdf(draft).limits), [draft]);
  return (
    <section className="ticket-preview" data-testid="ticket-draft" aria-label="Preview of the Jira issue">
      <div className="ticket-preview-crumbs">{crumbs(projectKey, issueTypeName)}</div>
      <h2 className="ticket-preview-summary">{draft.summary}</h2>
      <dl className="ticket-preview-meta">
        <dt>Priority</dt>
        <dd>{draft.priority} (suggested)</dd>
        {draft.labels.length > 0 && (
          <>
            <dt>Labels</dt>
            <dd>
              {draft.labels.map((label) => (
                <span key={label} className="ticket-label">
                  {label}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <div className="ticket-preview-description">
        {blocks.map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </div>
      <p className="ticket-preview-attachment">
        Attached on submit: the {draft.rows.length} event{draft.rows.length === 1 ? '' : 's'} in the records format, as one JSON file named
        with the time of submitting.
      </p>
    </section>
  );
}
