import { useMemo, useState } from 'react';
import { collapseAllNested, JsonView } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

import { inertJson } from './inert-json';
import { jsonTreeStyle } from './json-tree-style';

export interface JsonSectionProps {
  title: string;
  value: unknown;
  /** Whether the record had the field at all (absent or null means CloudTrail left it out). */
  present: boolean;
}

/** A collapsible tree of request parameters or response elements, or a note that CloudTrail omitted them. */
export function JsonSection({ title, value, present }: JsonSectionProps) {
  const [open, setOpen] = useState(true);
  const tree = useMemo(() => (present && value !== null && typeof value === 'object' ? inertJson(value) : null), [present, value]);
  return (
    <section className="detail-section">
      <h3>
        <button type="button" className="ghost section-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {title}
        </button>
      </h3>
      {open &&
        (!present || value === null ? (
          <p className="omitted">
            <span className="badge">omitted by CloudTrail</span> CloudTrail did not record {title.toLowerCase()} for this event.
          </p>
        ) : tree !== null ? (
          <div className="json-tree">
            <JsonView data={tree as object} style={jsonTreeStyle} shouldExpandNode={collapseAllNested} clickToExpandNode />
          </div>
        ) : (
          <pre className="raw-json">{String(inertJson(value))}</pre>
        ))}
    </section>
  );
}
