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

/**
 * The family of the agent that made a call. `AWS Internal` counts as the console only when the
 * record says its session came from the console: AWS services acting on their own use it too.
 */
export function userAgentFamily(event: NormalizedEvent): UserAgentFamily {
  const agent = event.userAgent.trim();
  const fromConsole = event.record?.sessionCredentialFromConsole === 'true';
  if (consoleAgent.test(agent)) return 'console';
  if (toolAgent.test(agent)) return 'cli';
  if (sdkAgent.test(agent)) return 'sdk';
  if (agent.startsWith('Mozilla/')) return 'console';
  if (fromConsole && (agent === 'AWS Internal' || agent === '')) return 'console';
  return 'other';
}
