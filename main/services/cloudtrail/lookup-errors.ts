import { ApiError, isApiError } from '../../../shared/api/errors';
import { visibleText } from '../../../shared/display/visible-text';

/** What the engine does with a failed call. */
export type FailureKind = 'cancelled' | 'throttled' | 'transient' | 'badToken' | 'fatal';

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const throttleNames = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
]);

/** Sorts a failure of one LookupEvents call: throttling waits, transient faults retry, the rest stop. */
export function classifyFailure(error: unknown, signal: AbortSignal): FailureKind {
  if (signal.aborted) return 'cancelled';
  if (isApiError(error)) return error.code === 'CANCELLED' ? 'cancelled' : error.code === 'THROTTLED' ? 'throttled' : 'fatal';
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? '';
  if (throttleNames.has(name) || e.$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'InvalidNextTokenException') return 'badToken';
  if (e.code && transientCodes.has(e.code)) return 'transient';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'AbortError') return 'transient';
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return 'transient';
  // A body cut short or not JSON: the SDK reports a deserialization failure.
  if (/Deserialization error|Unexpected end of JSON|JSON|socket hang up|premature close|aborted/i.test(e.message ?? '')) return 'transient';
  if (e.$fault === 'server') return 'transient';
  if (status === undefined && name === 'Error') return 'transient';
  return 'fatal';
}

/** Text from a service error made safe to show: no control characters, bounded length. */
export function quoteServiceText(text: string | undefined): string {
  // Cut first, then make control, bidi and zero-width characters visible (⟨U+202E⟩): the text
  // reaches terminals and banners, where hidden characters could reorder or hide what it says.
  return visibleText((text ?? '').slice(0, 300));
}

/** The analyst-facing error for a call that cannot succeed by retrying. */
export function toLookupApiError(error: unknown, context: { profile: string; region: string }): ApiError {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? '';
  const said = quoteServiceText(e.message);
  const { profile, region } = context;
  switch (name) {
    case 'ExpiredTokenException':
    case 'ExpiredToken':
    case 'RequestExpired':
      return new ApiError(
        'CREDENTIALS_EXPIRED',
        `The credentials of profile "${profile}" have expired. Refresh them (for SSO: \`aws sso login --profile ${profile}\`), then Retry.`,
      );
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
      return new ApiError(
        'CREDENTIALS_MISSING',
        `AWS refused the access key of profile "${profile}" (invalid, deleted or mistyped). Fix it in the credentials file, then Retry.`,
      );
    case 'AccessDeniedException':
    case 'AccessDenied':
      return new ApiError('ACCESS_DENIED', `Profile "${profile}" may not call cloudtrail:LookupEvents in ${region}. AWS said: ${said}`);
    case 'OptInRequired':
    case 'UnsupportedOperationException':
      return new ApiError('ACCESS_DENIED', `CloudTrail is not available to profile "${profile}" in ${region}. AWS said: ${said}`);
    case 'InvalidLookupAttributesException':
    case 'InvalidTimeRangeException':
    case 'InvalidMaxResultsException':
    case 'InvalidEventCategoryException':
      return new ApiError('BAD_INPUT', `CloudTrail refused the query in ${region}: ${said}`);
    default:
      if (e.code && transientCodes.has(e.code))
        return new ApiError('NETWORK', `CloudTrail in ${region} could not be reached (${e.code}). Check the network, then Resume.`);
      if (e.$metadata?.httpStatusCode && e.$metadata.httpStatusCode >= 500)
        return new ApiError(
          'NETWORK',
          `CloudTrail in ${region} kept failing (HTTP ${e.$metadata.httpStatusCode}). Resume to continue from the last page.`,
        );
      return new ApiError(
        'NETWORK',
        `The call to CloudTrail in ${region} failed: ${quoteServiceText(name)} ${said}`.trim() + '. Resume to continue from the last page.',
      );
  }
}
