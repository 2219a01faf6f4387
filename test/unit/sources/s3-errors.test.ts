import { describe, expect, it } from 'vitest';

import { ApiError } from '../../../shared/api/errors';
import { toS3ApiError } from '../../../main/services/sources/s3/s3-errors';

const where = { profile: 'analyst', bucket: 'trail-logs', action: 'GetObject', key: 'AWSLogs/x.json.gz' };
const sdkError = (name: string, message: string, status?: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('toS3ApiError', () => {
  it('names the permission a denied call needs, KMS included, quoting S3’s words inert', () => {
    const error = toS3ApiError(sdkError('AccessDenied', 'Access Denied\u001b[31m by policy\u202e', 403), where);
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain('Profile "analyst" may not GetObject on s3://trail-logs/AWSLogs/x.json.gz');
    expect(error.message).toContain('It needs s3:GetObject');
    expect(error.message).toContain('kms:Decrypt');
    expect([...error.message].filter((char) => char === '\u001b' || char === '\u202e')).toEqual([]);
  });

  it('tells a missing bucket from a missing object', () => {
    expect(toS3ApiError(sdkError('NoSuchBucket', 'The specified bucket does not exist', 404), { ...where, action: 'ListObjectsV2', key: undefined })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('The bucket "trail-logs" does not exist (S3 NoSuchBucket)'),
    });
    expect(toS3ApiError(sdkError('NoSuchKey', 'The specified key does not exist.', 404), where)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer in the bucket') });
  });

  it('maps expired and refused credentials to credential states (CLI exit 3), the SSO fix for an SSO profile', () => {
    expect(toS3ApiError(sdkError('ExpiredToken', 'The provided token has expired.', 400), where).code).toBe('CREDENTIALS_EXPIRED');
    expect(toS3ApiError(sdkError('ExpiredToken', 'The provided token has expired.', 400), { ...where, kind: 'sso' })).toMatchObject({
      code: 'SSO_LOGIN_REQUIRED',
      message: expect.stringContaining('aws sso login --profile analyst'),
    });
    expect(toS3ApiError(sdkError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403), where).code).toBe('CREDENTIALS_MISSING');
  });

  it('reports throttling, cancellation and the network as such, and passes our own errors through', () => {
    expect(toS3ApiError(sdkError('SlowDown', 'Please reduce your request rate.', 503), where).code).toBe('THROTTLED');
    expect(toS3ApiError(sdkError('AbortError', 'aborted'), where).code).toBe('CANCELLED');
    expect(toS3ApiError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), where).code).toBe('NETWORK');
    const own = new ApiError('CONFIG_INVALID', 'AWS_ENDPOINT_URL_S3 must be an https URL');
    expect(toS3ApiError(own, where)).toBe(own);
  });
});
