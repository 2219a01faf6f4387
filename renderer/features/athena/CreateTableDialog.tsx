import * as Dialog from '@radix-ui/react-dialog';

import { visibleText } from '../../../shared/display/visible-text';
import { useCreateTable } from './useCreateTable';
import type { TableTarget } from './useCreateTable';
import './athena.css';

export interface CreateTableDialogProps {
  /** The table to create; null keeps the dialog closed. */
  target: TableTarget | null;
  onClose(): void;
  onCreated(table: string): void;
}

/**
 * "Create table…": the trail's S3 folder, checked as typed; the exact statement that will run,
 * as text; and a button naming the table, the only way to run it (this writes to the account's
 * Glue Data Catalog). Closing mid-way creates nothing more than was asked; an error stays in the
 * dialog with the location as typed.
 */
export function CreateTableDialog({ target, onClose, onCreated }: CreateTableDialogProps) {
  return (
    <Dialog.Root open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content athena-create" aria-describedby="athena-create-description">
          {target && <CreateTableBody target={target} onClose={onClose} onCreated={onCreated} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CreateTableBody({ target, onClose, onCreated }: { target: TableTarget; onClose(): void; onCreated(table: string): void }) {
  const flow = useCreateTable(target, onCreated);
  const name = visibleText(flow.name);
  return (
    <>
      <Dialog.Title>Create the Athena table {name}</Dialog.Title>
      <Dialog.Description id="athena-create-description">
        This writes to AWS: it creates the table {name} in the Glue Data Catalog of the account behind profile {visibleText(target.profile)}, with the statement below
        (one Athena query; Athena does not bill DDL). The trail&apos;s log files are only read, never changed.
      </Dialog.Description>
      <label className="athena-create-field">
        Trail&apos;s S3 folder
        <input
          value={flow.location}
          onChange={(event) => flow.setLocation(event.target.value)}
          placeholder="s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/"
          aria-invalid={flow.problem ? true : undefined}
          aria-describedby="athena-create-hint"
          autoComplete="off"
          spellCheck={false}
          disabled={flow.creating}
        />
      </label>
      <p id="athena-create-hint" className={flow.problem ? 'field-error' : 'athena-cost-note'}>
        {flow.problem ?? 'One account and region, where CloudTrail writes: s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/, with o-ORG/ before the account for an organisation trail.'}
      </p>
      {flow.ddl ? (
        <pre className="athena-ddl" tabIndex={0} aria-label="The statement that will run">
          {flow.ddl}
        </pre>
      ) : (
        <p className="athena-ddl-empty">The statement that will run appears once the folder is valid.</p>
      )}
      {flow.error && (
        <p role="alert" className="athena-create-error">
          {visibleText(flow.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!flow.ddl || flow.creating} onClick={() => void flow.create()}>
          {flow.creating ? `Creating ${name}…` : `Create table ${name}`}
        </button>
      </div>
    </>
  );
}
