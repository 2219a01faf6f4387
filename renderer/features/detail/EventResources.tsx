import { useMemo } from 'react';

import { visibleText } from '../../../shared/display/visible-text';
import { requestResourcesOf } from '../../../shared/records/request-resources';
import type { NormalizedEvent } from '../../../shared/records/types';

/**
 * What the event touched, each with its kind: the record's own `resources` and what its request
 * parameters name. Names are attacker-controlled: shown as text, control and bidi characters made visible.
 */
export function EventResources({ event }: { event: NormalizedEvent }) {
  const resources = useMemo(() => requestResourcesOf(event.record), [event.record]);
  if (resources.length === 0) return null;
  return (
    <section className="detail-section" aria-label="Resources">
      <h3>Resources</h3>
      <ul className="resources">
        {resources.map((resource, i) => (
          <li key={i}>
            <span className="muted">{resource.kind}</span> {visibleText(resource.name)}
          </li>
        ))}
      </ul>
    </section>
  );
}
