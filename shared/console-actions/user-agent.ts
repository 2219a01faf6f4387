import type { NormalizedEvent } from '../records/types';
import type { UserAgentFamily } from './signature';

// Tools and SDKs name themselves first. CloudShell's CLI runs with console credentials
// (sessionCredentialFromConsole "true"), so a tool's agent wins over that flag: a command typed
// in CloudShell is not a page the person opened.
const toolAgent = /^(aws-cli\/|aws-shell|awscli|aws-powershell|AWSPowerShell|terraform|HashiCorp|pulumi|cdk|aws-cdk|steampipe|prowler|pacu|cloudsploit|ScoutSuite|cloudmapper)/i;
const sdkAgent = /^(Boto3\/|botocore\/|aws-sdk-|aws-sdk\/|AWS-SDK|aws-chalice|APN\/|Go-http-client|python-requests|curl\/|okhttp|aws-toolkit)/i;
// The console's own names: `console.amazonaws.com`, `console.ec2.amazonaws.com`,
// `signin.amazonaws.com`, the S3 console's `[S3Console/0.4, aws-internal/3 …]`.
const consoleAgent = /^(console(\.[a-z0-9-]+)?\.amazonaws\.com|signin\.amazonaws\.com)$|S3Console\/|aws-internal\//i;

/** Agents that are the console only when the record says its session came from the console. */
const ambiguous = (agent: string) => agent === 'AWS Internal' || agent === '';

/**
 * Whether an event's session came from the console, as its record says: asked only for the
 * agents where it decides the family, since a workspace event's record is parsed again from
 * its text each time it is read (100,000 of them were a second on the main thread).
 */
export function consoleSessionFlag(event: NormalizedEvent): boolean {
  if (!ambiguous(event.userAgent.trim())) return false;
  if (event.raw !== null && !event.raw.includes('sessionCredentialFromConsole')) return false;
  return event.record?.sessionCredentialFromConsole === 'true';
}

/**
 * The family of the agent that made a call. `AWS Internal` counts as the console only when the
 * record says its session came from the console: AWS services acting on their own use it too.
 */
export function userAgentFamily(event: NormalizedEvent): UserAgentFamily {
  const agent = event.userAgent.trim();
  if (consoleAgent.test(agent)) return 'console';
  if (toolAgent.test(agent)) return 'cli';
  if (sdkAgent.test(agent)) return 'sdk';
  if (agent.startsWith('Mozilla/')) return 'console';
  if (ambiguous(agent) && consoleSessionFlag(event)) return 'console';
  return 'other';
}
