import { gzipSync } from 'node:zlib';

/**
 * One corpus of CloudTrail log files for the cross-source tests: an organisation trail's layout
 * (`AWSLogs/o-…/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`) with two accounts, three regions and five
 * days across a month boundary. Records are text as AWS writes it; one is spelt with odd spacing
 * and `\u`/`\/` escapes, so byte-exactness shows.
 */
export const ORG = 'o-exampleorg1';
export const A = '111122223333';
export const B = '444455556666';
export const CAROL_KEY = 'AKIACAROL00000000001';
export const SHARED_IP = '203.0.113.50';

const carolIdentity = { type: 'IAMUser', principalId: 'AIDACAROL', arn: `arn:aws:iam::${A}:user/carol`, accountId: A, accessKeyId: CAROL_KEY, userName: 'carol' };
const bobIdentity = { type: 'IAMUser', principalId: 'AIDABOB', arn: `arn:aws:iam::${A}:user/bob`, accountId: A, accessKeyId: 'AKIABOB0000000000001', userName: 'bob' };
const rootIdentity = { type: 'Root', principalId: B, arn: `arn:aws:iam::${B}:root`, accountId: B };
const session = (role: string, name: string, account: string, key: string, more: Record<string, unknown> = {}) => ({
  type: 'AssumedRole',
  principalId: `AROA${role.toUpperCase()}:${name}`,
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${name}`,
  accountId: account,
  accessKeyId: key,
  sessionContext: {
    sessionIssuer: { type: 'Role', principalId: `AROA${role.toUpperCase()}`, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
    attributes: { creationDate: '2026-03-01T11:55:00Z', mfaAuthenticated: 'false' },
    ...more,
  },
});

let serial = 0;
/** A modern record (1.08+) in AWS's key order, with its own eventID. */
function call(identity: object, time: string, region: string, name: string, ip: string, more: Record<string, unknown> = {}): string {
  serial += 1;
  const account = (identity as { accountId?: string }).accountId ?? A;
  return JSON.stringify({
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: time,
    eventSource: 'ec2.amazonaws.com',
    eventName: name,
    awsRegion: region,
    sourceIPAddress: ip,
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    requestID: `REQ-${serial}`,
    eventID: `eeeeeeee-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    ...more,
  });
}

/** A 1.0-era record: no eventID, eventType, managementEvent or recipientAccountId. */
const oldCall = (version: string, time: string, region: string, name: string) =>
  JSON.stringify({ eventVersion: version, userIdentity: carolIdentity, eventTime: time, eventSource: 'ec2.amazonaws.com', eventName: name, awsRegion: region, sourceIPAddress: SHARED_IP, userAgent: 'aws-cli/1.3', requestParameters: { filterSet: {} }, responseElements: null });

export const cr = {
  /** Before the short ranges' start, delivered in the next day's folder. */
  carolEve: call(carolIdentity, '2026-02-26T23:59:00Z', 'us-east-1', 'DescribeRegions', SHARED_IP),
  carolOld: oldCall('1.0', '2026-02-27T09:00:00Z', 'us-east-1', 'DescribeInstances'),
  carolFeb27: call(carolIdentity, '2026-02-27T08:00:00Z', 'us-east-1', 'DescribeVpcs', SHARED_IP),
  rootLogin: call(rootIdentity, '2026-02-28T07:00:00Z', 'us-east-1', 'ConsoleLogin', '198.51.100.23', {
    eventSource: 'signin.amazonaws.com', userAgent: 'Mozilla/5.0', responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' }, readOnly: false, eventType: 'AwsConsoleSignIn',
  }),
  /** Two minutes before midnight on 28 February, delivered in 1 March's folder. */
  carolLate: call(carolIdentity, '2026-02-28T23:58:30Z', 'eu-west-1', 'DescribeSnapshots', SHARED_IP),
  kmsServiceEvent: call({ accountId: A, invokedBy: 'kms.amazonaws.com' }, '2026-03-01T00:05:00Z', 'us-east-1', 'RotateKey', 'kms.amazonaws.com', {
    eventSource: 'kms.amazonaws.com', userAgent: 'kms.amazonaws.com', readOnly: false, eventType: 'AwsServiceEvent', serviceEventDetails: { keyId: 'k-1', rotated: true, attempts: [1, 2.50] },
  }),
  awsService: call({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' }, '2026-03-01T00:10:00Z', 'us-east-1', 'PutObject', 'cloudtrail.amazonaws.com', {
    eventSource: 's3.amazonaws.com', userAgent: 'cloudtrail.amazonaws.com', readOnly: false, eventCategory: 'Data', managementEvent: false,
  }),
  rootKey: call({ ...rootIdentity, accessKeyId: 'ASIAROOT000000000001' }, '2026-03-01T07:30:00Z', 'us-east-1', 'CreateAccessKey', SHARED_IP, {
    eventSource: 'iam.amazonaws.com', responseElements: { accessKey: { accessKeyId: 'AKIAROOTNEW000000001', status: 'Active' } }, readOnly: false,
  }),
  /** Odd spacing, a newline and `\u`/`\/` escapes: the record is returned as these bytes. */
  carolOdd: `{ "eventVersion" : "1.09",\n  "userIdentity":{"type":"IAMUser","principalId":"AIDACAROL","arn":"arn:aws:iam::${A}:user\\/carol","accountId":"${A}","accessKeyId":"${CAROL_KEY}","userName":"carol"} ,"eventTime":"2026-03-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"ap-southeast-2","sourceIPAddress":"${SHARED_IP}","userAgent":"aws-cli\\/2.15.0","requestParameters":{"bucketName":"caf\\u00e9-reports","key":"r\\u00e9sum\\u00e9 \\ud83d\\ude00.pdf","size":1.50},"responseElements":null,"requestID":"REQ-ODD","eventID":"eeeeeeee-0000-4000-8000-0000000000dd","readOnly":true,"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"${A}","eventCategory":"Data"}`,
  carolOld101: oldCall('1.01', '2026-03-01T11:00:00Z', 'eu-west-1', 'DescribeVolumes'),
  /** A session of the role Deploy named carol: `--user carol` finds it, as LookupEvents' Username does. */
  deployCarol: call(session('Deploy', 'carol', B, 'ASIADEPLOYCAROL00001'), '2026-03-01T12:00:00Z', 'eu-west-1', 'RunInstances', SHARED_IP, { readOnly: false }),
  /** A session of a role named carol: not the user carol. sourceIdentity has no column in Athena's table. */
  roleCarol: call(session('carol', 'ci-run', B, 'ASIACIRUN00000000001', { sourceIdentity: 'carol' }), '2026-03-02T06:00:00Z', 'us-east-1', 'DescribeImages', '198.51.100.77'),
  bobShared: call(bobIdentity, '2026-03-02T09:00:00Z', 'ap-southeast-2', 'DescribeKeyPairs', SHARED_IP),
  carol2: call({ ...carolIdentity, principalId: 'AIDACAROL2', arn: `arn:aws:iam::${A}:user/carol2`, accessKeyId: 'AKIACAROL20000000001', userName: 'carol2' }, '2026-03-02T10:00:00Z', 'us-east-1', 'DescribeHosts', '192.0.2.44'),
  /** Delivered twice (in two files of the day), as CloudTrail may. */
  carolTwice: call(carolIdentity, '2026-03-02T12:00:00Z', 'us-east-1', 'StopInstances', SHARED_IP, { readOnly: false }),
};

const folder = (account: string, region: string, day: string) => `AWSLogs/${ORG}/${account}/CloudTrail/${region}/${day}/`;
const file = (account: string, region: string, day: string, stamp: string) =>
  `${folder(account, region, day)}${account}_CloudTrail_${region}_${day.replaceAll('/', '')}T${stamp}Z_${stamp.toLowerCase()}x.json.gz`;

/** The files, by key below the trail's prefix: each holds its records in this order. */
export const crossFiles: Record<string, string[]> = {
  [file(A, 'us-east-1', '2026/02/27', '0005')]: [cr.carolEve],
  [file(A, 'us-east-1', '2026/02/27', '0905')]: [cr.carolFeb27, cr.carolOld],
  [file(B, 'us-east-1', '2026/02/28', '0705')]: [cr.rootLogin],
  [file(A, 'eu-west-1', '2026/03/01', '0005')]: [cr.carolLate, cr.carolOld101],
  [file(A, 'us-east-1', '2026/03/01', '0015')]: [cr.awsService, cr.kmsServiceEvent],
  [file(B, 'us-east-1', '2026/03/01', '0735')]: [cr.rootKey],
  [file(A, 'ap-southeast-2', '2026/03/01', '1005')]: [cr.carolOdd],
  [file(B, 'eu-west-1', '2026/03/01', '1205')]: [cr.deployCarol],
  [file(B, 'us-east-1', '2026/03/02', '0605')]: [cr.roleCarol],
  [file(A, 'ap-southeast-2', '2026/03/02', '0905')]: [cr.bobShared],
  [file(A, 'us-east-1', '2026/03/02', '1005')]: [cr.carol2, cr.carolTwice],
  [file(A, 'us-east-1', '2026/03/02', '1205')]: [cr.carolTwice],
};

/** The gzip objects of the corpus, keyed below `prefix`. */
export function crossObjects(prefix = ''): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(crossFiles).map(([key, texts]) => [`${prefix}${key}`, gzipSync(`{"Records":[${texts.join(',')}]}`)]));
}

/** Each account's and region's trail folder (an Athena table's LOCATION) with the records parsed. */
export function crossTrails(bucketUrl: string): Record<string, Record<string, unknown>[]> {
  const trails: Record<string, Record<string, unknown>[]> = {};
  for (const [key, texts] of Object.entries(crossFiles)) {
    const location = `${bucketUrl}${key.split('/').slice(0, 5).join('/')}/`;
    (trails[location] ??= []).push(...texts.map((text) => JSON.parse(text) as Record<string, unknown>));
  }
  return trails;
}

/** The same records by the s3:// URL of the file that holds them, for a fake Athena that files them by folder day. */
export function crossFileRecords(bucketUrl: string): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(crossFiles).map(([key, texts]) => [`${bucketUrl}${key}`, texts.map((text) => JSON.parse(text) as Record<string, unknown>)]),
  );
}

/** `fetch`'s records output of these texts. */
export const recordsOf = (...texts: string[]) => `{"Records":[${texts.join(',')}]}\n`;
