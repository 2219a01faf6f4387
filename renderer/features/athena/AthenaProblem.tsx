import { useState } from 'react';

import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { CreateTableDialog } from './CreateTableDialog';
import type { TableTarget } from './useCreateTable';

export interface AthenaProblemProps {
  /** Why the estimate failed (host text), or null. */
  problem: string | null;
  /** The query whose table is missing: Create table… is offered for its source. */
  missing: FetchQuery | null;
  /** The table just created, to say what comes next. */
  created: string | null;
  onCreated(table: string): void;
}

/** The table of an Athena query, as the Create table dialog needs it (null for another source). */
export function tableTargetOf(query: FetchQuery): TableTarget | null {
  const source = sourceOf(query);
  if (source.kind !== 'athena') return null;
  return { profile: query.profile, database: source.database, table: source.table, workgroup: source.workgroup, output: source.output };
}

/**
 * The estimate's error beside the Fetch button, with "Create table…" when the table does not
 * exist; once created, what comes next (the fetch still checks the scan's cost first).
 */
export function AthenaProblem({ problem, missing, created, onCreated }: AthenaProblemProps) {
  const target = missing ? tableTargetOf(missing) : null;
  return (
    <>
      {problem && (
        <span className="athena-problem">
          <span className="field-error" role="alert">
            {visibleText(problem)}
          </span>
          {target && <CreateTableOffer target={target} onCreated={onCreated} />}
        </span>
      )}
      {created && !problem && (
        <span role="status" className="athena-cost-note">
          Created {visibleText(created)}. Fetch events checks the scan&apos;s cost first, then runs the query.
        </span>
      )}
    </>
  );
}

/** "Create table…" for a missing table, and the dialog it opens (wherever the missing table is said). */
export function CreateTableOffer({ target, onCreated }: { target: TableTarget; onCreated(table: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Create table…
      </button>
      <CreateTableDialog
        target={open ? target : null}
        onClose={() => setOpen(false)}
        onCreated={(table) => {
          setOpen(false);
          onCreated(table);
        }}
      />
    </>
  );
}
