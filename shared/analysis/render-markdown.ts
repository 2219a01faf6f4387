import { shortBaselineDays } from '../baseline/frequency';
import type { FlagGroup } from '../baseline/groups';
import { groupTail } from '../baseline/groups';
import { shortResourceName } from '../baseline/main-resource';
import type { DatasetInfo } from '../intel/types';
import { inertText } from '../ticket/inert-text';
import { codeSpan, escapeMarkdown } from '../ticket/render-markdown';
import { count } from './findings/finding-text';
import { compareSeverity, maxSeverity } from './severity';
import type { Analysis, AnalyzedEvent, AnalyzedSource, Finding } from './types';

/** Flagged events listed at most; the JSON has them all. */
const maxFlaggedRows = 200;
const maxSourceRows = 100;

/** Our words (which hold only strictly checked values), with Markdown's special characters escaped. */
function prose(text: string): string {
  return escapeMarkdown(inertText(text, 2000));
}

/** A value from a record or a data set: inert, short, in a code span (never a link or markup). */
function data(value: string, max = 120, inTable = true): string {
  return value ? codeSpan(inertText(value, max), inTable) : '—';
}

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '');

/** A summary: our words escaped, each value from a record or data set in its own code span. */
function summaryOf(finding: Finding): string {
  return finding.summaryParts.map((part) => ('text' in part ? prose(part.text) : data(part.value, 120, false))).join('');
}

function findingLines(finding: Finding): string {
  const span = finding.start ? ` · ${when(finding.start)}${finding.end && finding.end !== finding.start ? ` to ${when(finding.end)}` : ''}` : '';
  const attack = finding.attack.length ? ` · ATT&CK ${finding.attack.join(', ')}` : '';
  return (
    `- **${finding.severity.toUpperCase()} · ${prose(finding.title)}** (${prose(finding.kind)}): ${summaryOf(finding)}  \n` +
    `  ${prose(count(finding.eventIDs.length, 'event'))}${prose(attack)}${prose(span)}`
  );
}

const topOf = (event: AnalyzedEvent) => event.flags.reduce((top, flag) => maxSeverity(top, flag.severity), event.flags[0]!.severity);
// Routine events come after the others: shown, but de-emphasised.
const byTopFlag = (a: AnalyzedEvent, b: AnalyzedEvent) => Number(a.routine) - Number(b.routine) || compareSeverity(topOf(a), topOf(b));

/** What the baseline and the analyst's mutes say of a flagged event, our words and values apart. */
function standing(event: AnalyzedEvent): string {
  const parts: string[] = [];
  if (event.routine) parts.push('routine');
  else if (event.new.length) parts.push(prose(`new: ${event.new.join(', ')}`));
  for (const flag of event.flags) {
    if (flag.muted) parts.push(`muted until ${prose(when(flag.muted.until))}: ${data(flag.muted.reason, 120)}`);
  }
  return parts.length ? parts.join('; ') : '—';
}

function groupLines(groups: readonly FlagGroup[]): string {
  const repeated = groups.filter((group) => group.count > 1);
  if (repeated.length === 0) return 'No flag repeats.';
  return repeated
    .map((group) => {
      const on = group.resource ? ` on ${data(shortResourceName(group.resource), 80, false)}` : '';
      return `- **${group.severity.toUpperCase()}** ${data(group.ruleId, 60, false)}: ${data(group.eventName, 60, false)}${on}${prose(groupTail(group))}`;
    })
    .join('\n');
}

function flaggedTable(analysis: Analysis): string[] {
  // Most severe first, then in file order (the sort is stable).
  const flagged = analysis.events.filter((event) => event.flags.length > 0).sort(byTopFlag);
  if (flagged.length === 0) return ['No event was flagged by the rule pack.'];
  const rows = flagged.slice(0, maxFlaggedRows).map((event) => {
    const flags = event.flags.map((flag) => `${flag.severity.toUpperCase()} ${flag.ruleId} ${flag.title}`).join('; ');
    const reasons = event.flags.map((flag) => flag.reason).join(' ');
    return `| ${data(event.eventTime, 30)} | ${data(event.eventName, 60)} | ${data(event.eventID, 60)} | ${data(flags, 300)} | ${data(reasons, 400)} | ${standing(event)} |`;
  });
  const more = flagged.length > maxFlaggedRows ? [`…and ${(flagged.length - maxFlaggedRows).toLocaleString('en-US')} more (see the JSON output).`] : [];
  return ['| Time | Event | Event ID | Flags | Why | Baseline |', '| --- | --- | --- | --- | --- | --- |', ...rows, ...more];
}

const orUnknown = (value: string | number | null) => (value === null ? 'unknown' : String(value));
const torText = (tor: boolean | null) => (tor === null ? 'unknown' : tor ? 'yes' : 'no');

function sourceRow(source: AnalyzedSource, awsLoaded: boolean): string {
  const cells =
    source.kind !== 'public'
      ? ['not looked up', 'not looked up', 'not looked up', 'not looked up', 'not looked up']
      : [
          data(orUnknown(source.country)),
          data(source.asn === null ? 'unknown' : `AS${source.asn}`),
          data(orUnknown(source.asOrg), 60),
          source.aws !== null ? data(`${source.aws}${source.awsRegion ? ` ${source.awsRegion}` : ''}`, 60) : awsLoaded ? 'no' : 'unknown',
          torText(source.tor),
        ];
  return `| ${data(source.ip, 60)} | ${prose(source.kind)} | ${cells.join(' | ')} | ${source.events.toLocaleString('en-US')} |`;
}

function sourcesTable(analysis: Analysis): string[] {
  const { sources } = analysis;
  if (sources.length === 0) return ['No source addresses.'];
  const awsLoaded = analysis.datasets.some((dataset) => dataset.id === 'aws-ip-ranges');
  const rows = sources.slice(0, maxSourceRows).map((source) => sourceRow(source, awsLoaded));
  const more = sources.length > maxSourceRows ? [`…and ${(sources.length - maxSourceRows).toLocaleString('en-US')} more addresses (see the JSON output).`] : [];
  return ['| Address | Kind | Country | ASN | Organisation | AWS | Tor | Events |', '| --- | --- | --- | --- | --- | --- | --- | ---: |', ...rows, ...more];
}

function datasetLine(dataset: DatasetInfo): string {
  const date = dataset.date ? `dated ${dataset.date.slice(0, 10)}` : 'undated';
  return `- ${prose(dataset.name)} (${prose(dataset.id)}, ${prose(dataset.origin)}, ${prose(date)}, ${dataset.entries.toLocaleString('en-US')} entries)`;
}

const baselineDays = (analysis: Analysis) => (analysis.baselineStats ? `${analysis.baselineStats.days.toLocaleString('en-US')} days, ` : '');

/**
 * The analysis as a readable report: findings first, then flagged events, then the sources with
 * the data sets (and their dates) behind them. Event data only ever appears in code spans.
 */
export function renderAnalysisMarkdown(analysis: Analysis): string {
  const flaggedCount = analysis.events.filter((event) => event.flags.length > 0).length;
  const baseline = analysis.baseline
    ? `${prose(when(analysis.baseline.start))} to ${prose(when(analysis.baseline.end))} (${baselineDays(analysis)}${analysis.baseline.events.toLocaleString('en-US')} events)`
    : 'none';
  const shortWarning =
    analysis.baselineStats && analysis.baselineStats.days < shortBaselineDays
      ? [`**Warning:** the baseline covers ${analysis.baselineStats.days} days, under ${shortBaselineDays}: too short to judge what is usual for this identity.`]
      : [];
  const counts = analysis.counts;
  const sections = [
    '## Trailcase analysis',
    `**Events:** ${analysis.events.length.toLocaleString('en-US')} · **Flagged:** ${flaggedCount.toLocaleString('en-US')} · **Rule pack:** ${data(analysis.rulePack, 40, false)} · **Baseline:** ${baseline}`,
    ...shortWarning,
    ...(counts.flagged ? [`**Routine:** ${counts.routine.toLocaleString('en-US')} of ${counts.flagged.toLocaleString('en-US')} flagged events · **Raised by the baseline:** ${counts.raised.toLocaleString('en-US')} flags · **Muted:** ${counts.muted.toLocaleString('en-US')} flags`] : []),
    '### What stands out',
    analysis.findings.length ? analysis.findings.map(findingLines).join('\n') : 'Nothing that spans events stood out.',
    '### Repeated flags',
    groupLines(analysis.groups),
    '### Flagged events',
    flaggedTable(analysis).join('\n'),
    '### Sources',
    sourcesTable(analysis).join('\n'),
    '### Data sets',
    analysis.datasets.length
      ? analysis.datasets.map(datasetLine).join('\n')
      : 'No enrichment data set is loaded: country, network, AWS and Tor are unknown for every address.',
  ];
  if (analysis.notes.length) sections.push('### Not decided', analysis.notes.map((note) => `- ${prose(note)}`).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
