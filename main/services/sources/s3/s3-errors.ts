import { ApiError, isApiError } from '../../../../shared/api/errors';
import { mapCredentialError } from '../../aws/credential-errors';
import { quoteServiceText } from '../../cloudtrail/lookup-errors';

interface S3ServiceError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Where a failed S3 call was aimed, so the message names what to fix. */
export interface S3ErrorContext {
  profile: string;
  bucket: string;
  /** The S3 action (`ListObjectsV2`, `GetObject`, `DeleteObjects`). */
  action: string;
  key?: string;
  /** The profile's kind (keys, sso, role, process), for the fix of expired credentials. */
  kind?: string;
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EPIPE|ECONNABORTED)$/;
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const REFUSED_KEYS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'InvalidClientTokenId']);
const IAM_ACTION: Record<string, string> = { ListObjectsV2: 's3:ListBucket', GetObject: 's3:GetObject', HeadObject: 's3:GetObject', DeleteObjects: 's3:DeleteObject' };

/**
 * An S3 failure as the error the analyst acts on: the bucket or key that is missing, the
 * permission the profile lacks, expired or refused credentials, throttling that outlasted the
 * SDK's back-off. S3's own words are quoted (cut, control characters made visible): a bucket
 * policy's message is service text, not ours.
 */
export function toS3ApiError(error: unknown, context: S3ErrorContext): ApiError {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as S3ServiceError;
  const name = e.name ?? e.Code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const { profile, bucket, action } = context;
  const where = context.key ? `s3://${bucket}/${context.key}` : `s3://${bucket}`;
  const said = quoteServiceText(e.message);
  if (name === 'AbortError') return new ApiError('CANCELLED', `${action} on ${where} was cancelled.`);
  if (name === 'NoSuchBucket')
    return new ApiError('NOT_FOUND', `The bucket "${quoteServiceText(bucket)}" does not exist (S3 NoSuchBucket). Check the bucket name in s3://BUCKET/PREFIX (the trail's S3 bucket, as in \`aws cloudtrail describe-trails\`).`);
  if (name === 'NoSuchKey' || (status === 404 && context.key))
    return new ApiError('NOT_FOUND', `${where} is no longer in the bucket (S3 NoSuchKey): it was removed after the listing. Run the fetch again.`);
  if (EXPIRED.has(name)) return mapCredentialError({ name: 'ExpiredToken', message: 'The security token has expired.' }, profile, context.kind ?? 'keys');
  if (REFUSED_KEYS.has(name))
    return new ApiError('CREDENTIALS_MISSING', `S3 refused the keys of profile "${profile}" (${name}: invalid, deleted or mistyped). Fix them, then try again.`);
  if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403)
    return new ApiError(
      'ACCESS_DENIED',
      `Profile "${profile}" may not ${action} on ${where} (S3 ${name || 'AccessDenied'}${said ? `: ${said}` : ''}). It needs ${IAM_ACTION[action] ?? 's3:ListBucket and s3:GetObject'} on the trail's bucket (and kms:Decrypt if the logs are encrypted with KMS).`,
    );
  if (name === 'SlowDown' || name === 'ThrottlingException' || status === 503)
    return new ApiError('THROTTLED', `S3 kept asking to slow down (${name || status}) on ${where} after several retries with back-off. Try again in a few minutes; downloaded objects are kept.`);
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed')
    return new ApiError('CONFIG_INVALID', `The bucket "${quoteServiceText(bucket)}" is in another region than S3 was asked in (${name}${said ? `: ${said}` : ''}). Give the profile the bucket's region, then try again.`);
  if (e.code && NETWORK_CODES.test(e.code))
    return new ApiError('NETWORK', `S3 could not be reached (${e.code}). Check the network or the S3 endpoint setting (AWS_ENDPOINT_URL_S3), then try again.`);
  if (name === 'TimeoutError' || name === 'RequestTimeout') return new ApiError('NETWORK', `S3 did not answer ${action} on ${where} in time. Try again.`);
  return new ApiError('INTERNAL', `S3 ${action} on ${where} failed (${quoteServiceText(name) || status || 'unknown error'}${said ? `: ${said}` : ''}).`);
}
