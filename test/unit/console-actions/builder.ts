/**
 * Builds CloudTrail records as the AWS console writes them (user agents, console session
 * credentials, request parameters), for the console-action tests.
 */
import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';

export const ACCOUNT = '111122223333';
export const START = Date.parse('2026-11-30T15:13:00Z');
export const CLI_AGENT = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/iam.list-users';
const S3_CONSOLE_AGENT =
  '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.219-186.866.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]';
const BROWSER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Lambda records its API version in event names. */
const lambdaNames: Record<string, string> = {
  ListFunctions: 'ListFunctions20150331',
  GetFunction: 'GetFunction20150331v2',
  UpdateFunctionCode: 'UpdateFunctionCode20150331v2',
  UpdateFunctionConfiguration: 'UpdateFunctionConfiguration20150331v2',
  CreateFunction: 'CreateFunction20150331',
  GetPolicy: 'GetPolicy20150331v2',
  ListTags: 'ListTags20170331',
  ListAliases: 'ListAliases20150331',
  GetAccountSettings: 'GetAccountSettings20160819',
  ListVersionsByFunction: 'ListVersionsByFunction20150331',
  GetFunctionConfiguration: 'GetFunctionConfiguration20150331v2',
  ListEventSourceMappings: 'ListEventSourceMappings20150331',
};

export type Agent = 'console' | 'cli';

export interface Call {
  key: string;
  /** Milliseconds after the burst's start (CloudTrail keeps whole seconds). */
  at: number;
  params?: Record<string, unknown>;
  response?: Record<string, unknown> | null;
  extra?: Partial<CloudTrailRecord>;
}

export interface Session {
  user?: string;
  accessKeyId?: string;
  region?: string;
  agent?: Agent;
  start?: number;
  sourceIPAddress?: string;
}

let serial = 0;

function agentFor(service: string, agent: Agent): string {
  if (agent === 'cli') return CLI_AGENT;
  if (service === 's3') return S3_CONSOLE_AGENT;
  if (service === 'signin') return BROWSER_AGENT;
  if (service === 'ec2') return 'console.ec2.amazonaws.com';
  return 'AWS Internal';
}

const globalServices = new Set(['iam', 'organizations', 'signin', 'route53', 'billingconsole', 'ce', 'health', 'notifications']);

/** One record as the console (or the CLI) would leave it. */
export function record(call: Call, session: Session = {}): CloudTrailRecord {
  const [service = '', name = ''] = call.key.split(':');
  const agent = session.agent ?? 'console';
  const user = session.user ?? 'jmorales';
  const eventName = service === 'lambda' ? (lambdaNames[name] ?? name) : name;
  const time = new Date((session.start ?? START) + call.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const signin = service === 'signin';
  const id = `0b6e${String(++serial).padStart(4, '0')}-2f1c-4d8e-9a5b-${String(serial).padStart(12, '0')}`;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAQRSTUVWXYZ2345678',
      arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
      accountId: ACCOUNT,
      ...(signin ? {} : { accessKeyId: session.accessKeyId ?? 'ASIAQRSTUVWX3EXAMPLE' }),
      userName: user,
      ...(signin || agent === 'cli' ? {} : { sessionContext: { attributes: { creationDate: new Date(session.start ?? START).toISOString(), mfaAuthenticated: 'false' } } }),
    },
    eventTime: time,
    eventSource: `${service}.amazonaws.com`,
    eventName,
    awsRegion: globalServices.has(service) ? 'us-east-1' : (session.region ?? 'eu-west-1'),
    sourceIPAddress: session.sourceIPAddress ?? '185.220.101.47',
    userAgent: agentFor(service, agent),
    requestParameters: call.params ?? null,
    responseElements: call.response ?? null,
    requestID: `c1d2e3f4-${serial}`,
    eventID: id,
    readOnly: /^(Get|List|Describe|Lookup|Check)/.test(name),
    eventType: signin ? 'AwsConsoleSignIn' : 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...(signin ? {} : { tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${service}.amazonaws.com` } }),
    ...(agent === 'console' && !signin ? { sessionCredentialFromConsole: 'true' } : {}),
    ...call.extra,
  };
}

/** Normalised events of calls, sorted by time as the engine expects. */
export function events(calls: readonly Call[], session: Session = {}): NormalizedEvent[] {
  return [...calls]
    .sort((a, b) => a.at - b.at)
    .map((call) => normalizeEvent(record(call, session)));
}

/** `'iam:GetUser iam:ListUserTags'` → calls 250 ms apart, each with the same parameters. */
export function page(keys: string, params: Record<string, unknown> = {}, from = 0, step = 250): Call[] {
  return keys
    .split(/\s+/)
    .filter(Boolean)
    .map((key, index) => ({ key, at: from + index * step, params }));
}
