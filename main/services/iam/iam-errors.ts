import { ApiError, isApiError } from '../../../shared/api/errors';
import { quoteServiceText } from '../cloudtrail/lookup-errors';

interface ServiceError {
  name?: string;
  code?: string;
  message?: string;
  iamAction?: string;
  $metadata?: { httpStatusCode?: number };
}

const nameOf = (error: unknown) => ((error ?? {}) as ServiceError).name ?? '';

/** The profile may not make this call (IAM's AccessDenied, HTTP 403). */
export const isAccessDenied = (error: unknown) => ['AccessDenied', 'AccessDeniedException'].includes(nameOf(error));

/** The entity does not exist (IAM's NoSuchEntity, HTTP 404). */
export const isNoSuchEntity = (error: unknown) => ['NoSuchEntityException', 'NoSuchEntity'].includes(nameOf(error));

/** The IAM action that failed, as `iam:Action`. */
export const failedAction = (error: unknown, fallback: string) => `iam:${((error ?? {}) as ServiceError).iamAction ?? fallback}`;

/** The service's words about a failure, safe to show. */
export const serviceText = (error: unknown) => quoteServiceText(error instanceof Error ? error.message : String(error));

/**
 * A failure that no other call would escape either (credentials refused or expired, no network),
 * as the error the analyst acts on; null for a failure of this one call.
 */
export function accountWideFailure(error: unknown, profile: string): ApiError | null {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as ServiceError;
  switch (e.name) {
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return new ApiError(
        'CREDENTIALS_EXPIRED',
        `The credentials of profile "${profile}" have expired. Refresh them (for SSO: \`aws sso login --profile ${profile}\`), then try again.`,
      );
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
    case 'MissingAuthenticationToken':
      return new ApiError('CREDENTIALS_MISSING', `IAM refused the access key of profile "${profile}" (invalid, deleted or mistyped). Fix it in the credentials file, then try again.`);
  }
  if (e.code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN)$/.test(e.code)) {
    return new ApiError('NETWORK', `IAM could not be reached (${e.code}). Check the network or the IAM endpoint setting, then try again.`);
  }
  if (e.name === 'TimeoutError') return new ApiError('NETWORK', 'IAM did not answer in time. Check the network, then try again.');
  return null;
}
