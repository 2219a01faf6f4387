import { ApiError, isApiError } from '../../../shared/api/errors';
import { quoteServiceText } from '../cloudtrail/lookup-errors';

/**
 * Turns a credential provider's failure into a state the analyst can act on. The SDK's messages
 * are kept only where they name no secret; the fix is always spelled out.
 */
export function mapCredentialError(error: unknown, profile: string, kind: string): ApiError {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as { name?: string; message?: string; code?: string };
  const message = e.message ?? '';
  if (kind === 'sso' || /sso/i.test(message)) {
    if (/expired|invalid|refresh|sso login|token/i.test(message)) {
      return new ApiError(
        'SSO_LOGIN_REQUIRED',
        `The SSO session of profile "${profile}" has expired or was never started. Run \`aws sso login --profile ${profile}\`, then Retry.`,
      );
    }
  }
  // The SDK's own fromProcess (a role whose source_profile runs a credential_process).
  const sdkProcess = /^Profile (\S{1,128}) credential_process (.*)$/.exec(message);
  if (sdkProcess) {
    const expired = /expired/i.test(sdkProcess[2]!);
    const source = quoteServiceText(sdkProcess[1]!);
    return new ApiError(
      expired ? 'CREDENTIALS_EXPIRED' : 'CREDENTIALS_MISSING',
      `The credential_process of profile "${source}"${source === profile ? '' : ` (the source of profile "${profile}")`} printed ${expired ? 'credentials that have already expired' : 'no usable JSON credentials'}: fix the command, then Retry.`,
    );
  }
  if (/mfa/i.test(message))
    return new ApiError('MFA_REQUIRED', `Profile "${profile}" needs an MFA code. Retry and enter the code from your device.`);
  if (/could not be found|not found|no profile|Could not resolve credentials using profile/i.test(message)) {
    return new ApiError(
      'PROFILE_NOT_FOUND',
      `Profile "${profile}" is incomplete or refers to a profile that does not exist (${quoteServiceText(message)}). Check ~/.aws/config and ~/.aws/credentials.`,
    );
  }
  if (/ExpiredToken|expired/i.test(`${e.name} ${message}`)) {
    return new ApiError('CREDENTIALS_EXPIRED', `The credentials of profile "${profile}" have expired. Refresh them, then Retry.`);
  }
  if (
    /InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient|security token included in the request is invalid/i.test(
      `${e.name} ${message}`,
    )
  ) {
    return new ApiError(
      'CREDENTIALS_MISSING',
      `AWS refused the keys behind profile "${profile}" (invalid, deleted or mistyped). Fix them, then Retry.`,
    );
  }
  if (/AccessDenied/i.test(`${e.name} ${message}`)) {
    return new ApiError('ACCESS_DENIED', `Profile "${profile}" may not assume its role: ${quoteServiceText(message)}`);
  }
  return new ApiError(
    'CREDENTIALS_MISSING',
    `Profile "${profile}" gave no usable credentials: ${quoteServiceText(message) || 'unknown reason'}.`,
  );
}
