import { useEffect, useState } from 'react';

import type { ContainmentPlan } from '../../../shared/containment/types';
import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';
import { CallView } from './PlanView';

type Preview = { kind: 'loading' } | { kind: 'ready'; plan: ContainmentPlan; refused: string | null } | { kind: 'failed'; message: string };

/**
 * What Undo would send now (read from IAM, nothing sent): undo is shown as exact calls first too.
 * The console password it would create is never shown here, only a marker.
 */
export function UndoPreview({ recordId }: { recordId: string }) {
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void api.containmentUndoPreview({ id: recordId }).then((result) => {
      if (!live) return;
      setPreview(result.ok ? { kind: 'ready', ...result.data } : { kind: 'failed', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [recordId]);
  if (preview.kind === 'loading') return <p className="contain-muted">Reading what undo would send…</p>;
  if (preview.kind === 'failed') return <p className="contain-error">Could not plan the undo: {visibleText(preview.message)}</p>;
  if (preview.refused) return <p className="contain-error">{visibleText(preview.refused)}</p>;
  const calls = preview.plan.actions.flatMap((action) => action.calls);
  return (
    <details className="contain-undo-preview" data-testid="contain-undo-preview">
      <summary>Undo sends {calls.length === 0 ? 'no call (already as before)' : calls.length === 1 ? 'one call' : `${calls.length} calls`}</summary>
      {calls.map((call, index) => (
        <CallView key={index} call={call} />
      ))}
    </details>
  );
}
