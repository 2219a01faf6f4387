import type { AnalysisEvent } from '../analysis-event';
import type { BaselineField } from '../baseline';
import { baselineValue } from '../baseline';
import type { FindingKind } from '../types';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { groupBy } from './finding';
import { count, country, dataText, name, says } from './finding-text';
import type { Piece } from './finding-text';

interface NewValueKind {
  kind: FindingKind;
  field: BaselineField;
  severity: FindingDraft['severity'];
  /** The value in the title (strict values only) and in the summary. */
  title: (value: string) => string;
  describe: (value: string, first: AnalysisEvent) => Piece;
}

const kinds: readonly NewValueKind[] = [
  { kind: 'new-country', field: 'country', severity: 'medium', title: (value) => `New country ${country(value)}`, describe: (value) => `country ${country(value)}` },
  {
    kind: 'new-asn',
    field: 'asn',
    severity: 'low',
    title: (value) => `New network AS${Number(value)}`,
    describe: (value, first) => says`network AS${Number(value)}${first.intel.asOrg ? says` (${dataText(first.intel.asOrg)})` : ''}`,
  },
  { kind: 'new-user-agent', field: 'userAgent', severity: 'low', title: () => 'New client', describe: (value) => says`client ${name(value)}` },
];

/** A country, network or client the baseline never showed for the identity (one finding per value). */
export const detectNewValues: Detector = (events, context) => {
  const fresh = context.newFields;
  if (!fresh) return [];
  const drafts: FindingDraft[] = [];
  for (const { kind, field, severity, title, describe } of kinds) {
    const hits = events.filter((item) => fresh[item.index]!.includes(field));
    for (const [value, group] of groupBy(hits, (item) => baselineValue(item, field))) {
      drafts.push({
        kind,
        severity,
        title: title(value),
        summary: says`${count(group.length, 'event')} came from ${describe(value, group[0]!)}, which the baseline never showed for this identity.`,
        events: group,
        attack: ['T1078.004'],
      });
    }
  }
  return drafts;
};
