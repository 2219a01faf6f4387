import { analyzeRecords } from '../../../shared/analysis/analyze';
import type { AnalyzeOptions } from '../../../shared/analysis/analyze';
import { addressKindOf } from '../../../shared/analysis/unknown-enricher';
import type { Analysis } from '../../../shared/analysis/types';
import type { AddressIntel, DatasetInfo, IpEnricher } from '../../../shared/intel/types';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent, UserIdentity } from '../../../shared/records/types';
import type { RuleHit } from '../../../shared/rules/types';

export const alice: UserIdentity = {
  type: 'IAMUser',
  principalId: 'AIDAALICE',
  arn: 'arn:aws:iam::111122223333:user/alice',
  accountId: '111122223333',
  userName: 'alice',
  accessKeyId: 'AKIAALICEKEY',
};

let counter = 0;

/** A plausible successful CLI call by alice at `time` (ISO or minutes after 10:00); `fields` override. */
export function callAt(time: string | number, eventSource: string, eventName: string, fields: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  const eventTime = typeof time === 'number' ? new Date(Date.parse('2026-11-20T10:00:00Z') + time * 60_000).toISOString().replace('.000Z', 'Z') : time;
  counter += 1;
  return {
    eventVersion: '1.09',
    userIdentity: alice,
    eventTime,
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.10',
    userAgent: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off',
    requestParameters: null,
    responseElements: null,
    eventID: `ev-${String(counter).padStart(5, '0')}`,
    readOnly: /^(Get|List|Describe)/.test(eventName),
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    ...fields,
  };
}

/** A console sign-in record (success or failure) for a user name, from an address. */
export function signIn(time: number, result: 'Success' | 'Failure', options: { user?: string; ip?: string; mfa?: boolean; type?: string } = {}): CloudTrailRecord {
  const user = options.user ?? 'alice';
  return callAt(time, 'signin.amazonaws.com', 'ConsoleLogin', {
    userIdentity: { type: options.type ?? 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
    sourceIPAddress: options.ip ?? '198.51.100.10',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    responseElements: { ConsoleLogin: result },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: options.mfa ? 'Yes' : 'No' },
    ...(result === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
  });
}

export const events = (records: CloudTrailRecord[]): NormalizedEvent[] => records.map((record) => normalizeEvent(record));

const allDatasets: DatasetInfo[] = [
  { id: 'ip-country', name: 'test countries', origin: 'bundled', date: '2026-11-01', entries: 10 },
  { id: 'ip-asn', name: 'test networks', origin: 'bundled', date: '2026-11-01', entries: 10 },
  { id: 'aws-ip-ranges', name: 'test AWS ranges', origin: 'imported', date: '2026-11-19', entries: 10 },
  { id: 'tor-exits', name: 'test Tor exits', origin: 'imported', date: '2026-11-19', entries: 10 },
];

/** What the fake knows of an address; `tor` may depend on the time. */
export type FakeIntel = Partial<Omit<AddressIntel, 'tor'>> & { tor?: boolean | ((atMs: number) => boolean) };

/**
 * An enricher over a table of addresses. Loaded data sets (all four by default) decide what an
 * address absent from the table reads as: false for Tor, null for AWS, as the real one would.
 */
export function fakeEnricher(table: Record<string, FakeIntel>, loaded: ReadonlyArray<DatasetInfo['id']> = allDatasets.map((d) => d.id)): IpEnricher {
  const has = new Set(loaded);
  return {
    lookup(ip, atMs) {
      const kind = addressKindOf(ip);
      const known = Object.hasOwn(table, ip) ? table[ip]! : {};
      const tor = typeof known.tor === 'function' ? known.tor(atMs) : known.tor;
      const isPublic = kind === 'public';
      return {
        ip,
        kind,
        country: isPublic && has.has('ip-country') ? (known.country ?? null) : null,
        asn: isPublic && has.has('ip-asn') ? (known.asn ?? null) : null,
        asOrg: isPublic && has.has('ip-asn') ? (known.asOrg ?? null) : null,
        aws: isPublic && has.has('aws-ip-ranges') ? (known.aws ?? null) : null,
        awsRegion: isPublic && has.has('aws-ip-ranges') ? (known.awsRegion ?? null) : null,
        tor: isPublic && has.has('tor-exits') ? (tor ?? false) : null,
      };
    },
    datasets: () => allDatasets.filter((dataset) => has.has(dataset.id)),
  };
}

/** Runs the analysis on records, with no rule flags unless given (findings are tested apart from the pack). */
export function analyze(records: CloudTrailRecord[], options: Partial<AnalyzeOptions> & { baselineRecords?: CloudTrailRecord[] } = {}): Analysis {
  const { baselineRecords, ...rest } = options;
  return analyzeRecords(events(records), {
    enricher: fakeEnricher({}),
    flagsOf: () => [],
    ...(baselineRecords ? { baseline: events(baselineRecords) } : {}),
    ...rest,
  });
}

/** A rule hit of a category, as the engine would give. */
export function hitOf(category: string, severity: RuleHit['severity'] = 'high', attack: string[] = []): RuleHit {
  return { ruleId: `TEST-${category}`, title: `test ${category}`, severity, category: category as RuleHit['category'], reason: 'because', nextStep: '', attack } as RuleHit;
}

export const kinds = (analysis: Analysis) => analysis.findings.map((finding) => finding.kind);
export const findingOf = (analysis: Analysis, kind: string) => analysis.findings.find((finding) => finding.kind === kind);
