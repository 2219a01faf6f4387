import { useId, useMemo } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import { pivotActionName } from '../../../shared/pivots/pivot-plan';
import { addressTarget } from '../../../shared/pivots/pivot-targets';
import { usePivot } from './pivot-context';
import './pivots.css';

/**
 * "Who else…" beside one source address (the Sources panel): opens everyone's events from that
 * address over the same source and range. Where the source cannot filter by address (LookupEvents)
 * it stays focusable but inert, and says why (title and description). The address is untrusted text.
 */
export function WhoElseButton({ address }: { address: string }) {
  const target = useMemo(() => addressTarget(address), [address]);
  const pivot = usePivot(target);
  const reasonId = useId();
  if (!pivot || !target) return null;
  const { plan } = pivot;
  const name = cellText(pivotActionName(target), 120);
  return (
    <>
      <button
        type="button"
        className="who-else"
        aria-label={name}
        aria-disabled={plan.ok ? undefined : true}
        aria-describedby={plan.ok ? undefined : reasonId}
        title={plan.ok ? name : plan.reason}
        onClick={(e) => {
          e.stopPropagation();
          pivot.open();
        }}
      >
        Who else…
      </button>
      {!plan.ok && (
        <span id={reasonId} className="visually-hidden">
          {plan.reason}
        </span>
      )}
    </>
  );
}
