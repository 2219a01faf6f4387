import { useState } from 'react';

import { identityKeyOf } from '../../../shared/analysis/identity-key';
import { cellText } from '../../../shared/display/cell-text';
import { visibleText } from '../../../shared/display/visible-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { AttackLinks } from '../findings/AttackLinks';
import { FlagMute } from '../mutes/FlagMute';
import { WhoElseMenu } from '../pivots/WhoElseMenu';
import { SourceFacts } from '../sources/SourceFacts';
import { flagsOf } from '../workspace/flags';
import { EventResources } from './EventResources';
import { factsOf } from './facts';
import { prettyRaw } from './inert-json';
import { JsonSection } from './JsonSection';
import './detail.css';

/** The longest fact shown whole (a user agent, an error message); longer ones end in an ellipsis. */
const factMaxLength = 2000;

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Copies text to the clipboard and says whether it worked. */
function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy raw JSON'}
    </button>
  );
}

/** Everything about one event: facts in words, flags and why, parameters, resources, raw record. */
export function EventDetail({ event, onClose }: { event: NormalizedEvent; onClose(): void }) {
  const hits = flagsOf(event);
  const identity = identityKeyOf(event);
  const record = event.record;
  return (
    <aside className="event-detail" data-testid="event-detail" aria-label="Event detail">
      <header className="panel-header">
        <h2>{visibleText(event.eventName || 'Unparseable record')}</h2>
        <span className="spacer" />
        <button type="button" className="ghost" aria-label="Close detail" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="detail-body">
        {!record ? (
          <>
            <p>
              <span className="badge badge-warn">unparseable record</span> {visibleText(event.parseError ?? 'not JSON')}
            </p>
            <p className="muted">The record is shown exactly as CloudTrail sent it; the other events are unaffected.</p>
            <pre className="raw-json">{visibleText(event.raw ?? '', { keepLineBreaks: true })}</pre>
            <CopyButton text={event.raw ?? ''} />
          </>
        ) : (
          <>
            <dl className="facts">
              {factsOf(event).map((fact) => (
                <div key={fact.label} className="fact">
                  <dt>{fact.label}</dt>
                  {/* Cut like the tree's strings: a 200 KB user agent laid out whole in this grid froze Chromium for a minute; the raw record has it all. */}
                  <dd title={fact.title ? visibleText(fact.title) : undefined}>{cellText(fact.text, factMaxLength)}</dd>
                </div>
              ))}
            </dl>
            <WhoElseMenu event={event} />
            {hits.length > 0 && (
              <section className="detail-section flags" aria-label="Why this event is flagged">
                <h3>Flagged</h3>
                <ul>
                  {hits.map((hit) => (
                    <li key={hit.ruleId}>
                      <span className={`sev sev-${hit.severity}`}>{hit.severity}</span> <strong>{hit.title}</strong> <span className="muted">{hit.ruleId}</span>
                      <FlagMute ruleId={hit.ruleId} title={hit.title} identity={identity} />
                      <div>{visibleText(hit.reason)}</div>
                      {hit.nextStep && <div className="muted">Next: {hit.nextStep}</div>}
                      <AttackLinks ids={hit.attack} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <SourceFacts event={event} />
            <JsonSection title="Request parameters" value={record.requestParameters} present={has(record, 'requestParameters')} />
            <JsonSection title="Response elements" value={record.responseElements} present={has(record, 'responseElements')} />
            <EventResources event={event} />
            <details className="detail-section">
              <summary>Raw record</summary>
              <CopyButton text={event.raw ?? JSON.stringify(record, null, 2)} />
              <pre className="raw-json">{prettyRaw(record, event.raw)}</pre>
            </details>
          </>
        )}
      </div>
    </aside>
  );
}
