import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useId, useMemo } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import { pivotActionName } from '../../../shared/pivots/pivot-plan';
import type { PivotPlan } from '../../../shared/pivots/pivot-plan';
import { pivotTargetsOf } from '../../../shared/pivots/pivot-targets';
import type { PivotTarget } from '../../../shared/pivots/pivot-targets';
import type { NormalizedEvent } from '../../../shared/records/types';
import { useOpenPivot, usePivots } from './pivot-context';
import './pivots.css';

const groupTitles: Record<PivotTarget['kind'], string> = { ip: 'Address', accessKey: 'Access key', role: 'Role', resource: 'Resources' };

function PivotItem({ target, plan, onOpen }: { target: PivotTarget; plan: PivotPlan; onOpen(plan: PivotPlan): void }) {
  const nameId = useId();
  const aboutId = useId();
  const about = plan.ok ? plan.note : plan.reason;
  return (
    <DropdownMenu.Item
      className="who-else-item"
      // Not Radix's disabled (which the arrow keys skip): focusable, so the reason is read with it.
      aria-disabled={plan.ok ? undefined : true}
      aria-labelledby={nameId}
      aria-describedby={about ? aboutId : undefined}
      onSelect={(e) => {
        if (!plan.ok) e.preventDefault();
        else onOpen(plan);
      }}
    >
      <span id={nameId}>{cellText(pivotActionName(target), 160)}</span>
      {about && (
        <span id={aboutId} className="who-else-about">
          {about}
        </span>
      )}
    </DropdownMenu.Item>
  );
}

/**
 * "Who else…" in the event detail: one item per value of the event (its address, access key, the
 * role of its session, the resources it touched), each opening everyone's events with it over the
 * same source and range as an investigation of its own; those the source cannot filter by are
 * disabled with the reason. Every value is untrusted text.
 */
export function WhoElseMenu({ event }: { event: NormalizedEvent }) {
  const targets = useMemo(() => pivotTargetsOf(event), [event]);
  const pivots = usePivots(targets);
  const open = useOpenPivot();
  if (!pivots || pivots.length === 0) return null;
  const kinds = [...new Set(pivots.map((pivot) => pivot.target.kind))];
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="who-else-trigger">
          Who else…
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="popover who-else-menu" align="start" sideOffset={4} aria-label="Who else">
          {kinds.map((kind) => (
            <DropdownMenu.Group key={kind} aria-label={groupTitles[kind]}>
              <DropdownMenu.Label className="who-else-group">{groupTitles[kind]}</DropdownMenu.Label>
              {pivots
                .filter((pivot) => pivot.target.kind === kind)
                .map((pivot) => (
                  <PivotItem key={pivot.target.value} target={pivot.target} plan={pivot.plan} onOpen={open} />
                ))}
            </DropdownMenu.Group>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
