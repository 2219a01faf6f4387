import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import type { FakeCall } from './fake-cloudtrail';

/** The MFA code the fake STS accepts for roles assumed with an `mfa_serial`. */
export const FAKE_MFA_CODE = '123456';

function xml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'text/xml' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

/**
 * STS AssumeRole in the AWS Query protocol, enough for role profiles: it checks the MFA code
 * when a serial is sent and returns temporary keys (ASIA…) for the role's account.
 */
export function handleSts(text: string, call: FakeCall, response: ServerResponse): void {
  const params = Object.fromEntries(new URLSearchParams(text));
  call.body = params;
  call.target = `sts:${params.Action ?? ''}`;
  const fail = (code: string, message: string) => {
    call.status = 403;
    xml(
      response,
      403,
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`,
    );
  };
  if (params.Action !== 'AssumeRole') return fail('InvalidAction', 'Only AssumeRole is served here.');
  if (params.SerialNumber && params.TokenCode !== FAKE_MFA_CODE)
    return fail('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');
  const roleArn = params.RoleArn ?? '';
  const account = roleArn.split(':')[4] ?? '111122223333';
  const roleName = roleArn.split('/').pop() ?? 'role';
  const session = params.RoleSessionName ?? 'session';
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  xml(
    response,
    200,
    `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAFAKEROLE${randomBytes(4).toString('hex').toUpperCase()}</AccessKeyId><SecretAccessKey>fakeRoleSecret${randomBytes(8).toString('hex')}</SecretAccessKey><SessionToken>fakeSessionToken${randomBytes(8).toString('hex')}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKEROLE:${session}</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${session}</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  );
}
