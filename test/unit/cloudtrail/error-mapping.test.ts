import { describe, expect, test } from 'vitest';

import { mapCredentialError } from '../../../main/services/aws/credential-errors';
import { classifyFailure, toLookupApiError } from '../../../main/services/cloudtrail/lookup-errors';

const sdkError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const live = new AbortController().signal;

describe('LookupEvents failures', () => {
  test.each([
    ['ThrottlingException', 400, 'throttled'],
    ['InternalFailure', 500, 'transient'],
    ['ServiceUnavailable', 503, 'transient'],
    ['InvalidNextTokenException', 400, 'badToken'],
    ['AccessDeniedException', 400, 'fatal'],
    ['ExpiredTokenException', 400, 'fatal'],
  ])('%s (HTTP %i) is %s', (name, status, kind) => {
    expect(classifyFailure(sdkError(name, 'x', status), live)).toBe(kind);
  });

  test('a reset connection and a timeout are transient; anything after Cancel is cancelled', () => {
    expect(classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), live)).toBe('transient');
    expect(classifyFailure(Object.assign(new Error('timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' }), live)).toBe('transient');
    const cancelled = new AbortController();
    cancelled.abort();
    expect(classifyFailure(sdkError('InternalFailure', 'x', 500), cancelled.signal)).toBe('cancelled');
  });

  test.each([
    ['ExpiredTokenException', 'CREDENTIALS_EXPIRED', 'aws sso login --profile p'],
    ['UnrecognizedClientException', 'CREDENTIALS_MISSING', 'refused the access key'],
    ['AccessDeniedException', 'ACCESS_DENIED', 'cloudtrail:LookupEvents in eu-west-1'],
    ['InvalidTimeRangeException', 'BAD_INPUT', 'refused the query'],
  ])('%s becomes %s with an actionable message', (name, code, hint) => {
    const error = toLookupApiError(sdkError(name, 'said'), { profile: 'p', region: 'eu-west-1' });
    expect(error.code).toBe(code);
    expect(error.message).toContain(hint);
  });
});

describe('credential provider failures', () => {
  test.each([
    [
      'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      'sso',
      'SSO_LOGIN_REQUIRED',
    ],
    ["Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", 'sso', 'SSO_LOGIN_REQUIRED'],
    ['Profile admin requires multi-factor authentication, but no MFA code callback was provided.', 'role', 'MFA_REQUIRED'],
    ['Profile base could not be found or parsed in shared credentials file.', 'role', 'PROFILE_NOT_FOUND'],
    ['The security token included in the request is invalid.', 'role', 'CREDENTIALS_MISSING'],
    ['The security token included in the request is expired', 'role', 'CREDENTIALS_EXPIRED'],
  ])('"%s" (%s profile) is %s', (message, kind, code) => {
    expect(mapCredentialError(new Error(message), 'admin', kind).code).toBe(code);
  });

  test('the SSO message names the command for this profile', () => {
    expect(
      mapCredentialError(new Error('The SSO session associated with this profile is invalid.'), 'corp-audit', 'sso').message,
    ).toContain('aws sso login --profile corp-audit');
  });
});
