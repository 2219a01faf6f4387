import * as Dialog from '@radix-ui/react-dialog';

import { sourceOf } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { scanWords, sizeWords, usdWords } from './scan-words';
import type { PendingScan } from './useAthenaCostCheck';
import './athena.css';

export interface AthenaCostDialogProps {
  pending: PendingScan | null;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before an Athena query that costs more than the analyst's threshold: what it would scan,
 * in which partitions, and its bill. Cancel (the button, Escape, a click outside) runs nothing;
 * the focus starts on Cancel, so Enter alone never pays.
 */
export function AthenaCostDialog({ pending, onConfirm, onCancel }: AthenaCostDialogProps) {
  const source = pending ? sourceOf(pending.query) : null;
  const table = source?.kind === 'athena' ? `${source.database}.${source.table}` : '';
  const estimate = pending?.estimate;
  return (
    <Dialog.Root open={pending !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content athena-cost">
          <Dialog.Title>Run this Athena query?</Dialog.Title>
          {pending && estimate && (
            <>
              <Dialog.Description>
                It would cost about {usdWords(estimate.usd)}, more than your threshold of {usdWords(pending.threshold)}. Athena bills the data it scans: {scanWords(estimate)}.
              </Dialog.Description>
              <dl className="athena-cost-facts">
                <dt>Table</dt>
                <dd>{visibleText(table)}</dd>
                <dt>Data scanned</dt>
                <dd>up to {sizeWords(estimate.bytes)}</dd>
                <dt>Cost</dt>
                <dd>{usdWords(estimate.usd)} at $5 a TB</dd>
                <dt>Partitions</dt>
                <dd>
                  {estimate.days.toLocaleString('en-US')} {estimate.days === 1 ? 'day' : 'days'}, {estimate.objects.toLocaleString('en-US')} {estimate.objects === 1 ? 'object' : 'objects'}
                </dd>
              </dl>
              <p className="athena-cost-note">A narrower time range scans fewer days. If the data grows by more than 10% before the query starts, it is not run and you are asked again.</p>
            </>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button">Cancel</button>
            </Dialog.Close>
            <button type="button" className="primary" onClick={onConfirm}>
              Run query ({estimate ? usdWords(estimate.usd) : ''})
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
