import { ApiError, isApiError } from '../../../../shared/api/errors';
import { mapCredentialError } from '../../aws/credential-errors';
import { quoteServiceText } from '../../cloudtrail/lookup-errors';

interface AthenaServiceError {
  name?: string;
  code?: string;
  message?: string;
  AthenaErrorCode?: string;
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EPIPE|ECONNABORTED)$/;

/**
 * An Athena failure as the error the analyst acts on. Athena's words (a query's syntax error, a
 * workgroup's refusal) are quoted and cut: they are the service's text, and may carry event data.
 */
export function toAthenaApiError(error: unknown, context: { profile: string; kind: string }): ApiError {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as AthenaServiceError;
  const name = e.name ?? '';
  const said = `"${quoteServiceText(e.message)}"`;
  if (name === 'AbortError') return new ApiError('CANCELLED', 'The Athena call was cancelled.');
  if (name === 'ExpiredTokenException' || name === 'ExpiredToken')
    return mapCredentialError({ name: 'ExpiredToken', message: 'The security token has expired.' }, context.profile, context.kind);
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException')
    return new ApiError('CREDENTIALS_MISSING', `Athena refused the keys of profile "${context.profile}" (${name}). Fix them, then try again.`);
  if (name === 'AccessDeniedException')
    return new ApiError(
      'ACCESS_DENIED',
      `Profile "${context.profile}" may not use Athena here (${said}). It needs athena:StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution and GetTableMetadata, glue:GetTable, and s3:GetObject/ListBucket on the trail's bucket and the result location.`,
    );
  if (name === 'TooManyRequestsException')
    return new ApiError('THROTTLED', `Athena kept refusing calls as too many (${said}) after the SDK's retries. Try again in a minute.`);
  if (name === 'InvalidRequestException')
    return new ApiError('BAD_INPUT', `Athena refused the request${e.AthenaErrorCode ? ` (${quoteServiceText(e.AthenaErrorCode)})` : ''}: ${said}`);
  if (name === 'MetadataException') return new ApiError('NOT_FOUND', `Athena's data catalog refused the table: ${said}`);
  if (e.code && NETWORK_CODES.test(e.code))
    return new ApiError('NETWORK', `Athena could not be reached (${e.code}). Check the network or AWS_ENDPOINT_URL_ATHENA, then try again.`);
  return new ApiError('INTERNAL', `Athena failed${name ? ` (${quoteServiceText(name)})` : ''}: ${said}`);
}
