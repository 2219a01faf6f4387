/** Error codes every host returns in `{ ok: false, error: { code, message } }`. */
export const errorCodes = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'PROFILE_NOT_FOUND',
  'CONFIG_INVALID',
  'CREDENTIALS_MISSING',
  'CREDENTIALS_EXPIRED',
  'SSO_LOGIN_REQUIRED',
  'MFA_REQUIRED',
  'ACCESS_DENIED',
  'THROTTLED',
  'NETWORK',
  'CANCELLED',
  'CONFLICT',
  'JIRA_NOT_CONNECTED',
  'JIRA_AUTH',
  'JIRA_FORBIDDEN',
  'JIRA_FIELDS',
  'JIRA_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const credentialCodes: ReadonlySet<string> = new Set<ErrorCode>(['PROFILE_NOT_FOUND', 'CREDENTIALS_MISSING', 'CREDENTIALS_EXPIRED', 'SSO_LOGIN_REQUIRED', 'MFA_REQUIRED']);

/**
 * Whether an error is about credentials the analyst fixes outside Trailcase (keys, an SSO login,
 * an MFA code): the CLI exits 3, the app offers Retry, and Resume reads the credentials anew.
 */
export function isCredentialError(code: string | undefined): boolean {
  return code !== undefined && credentialCodes.has(code);
}

/** The error shape that crosses the api boundary: a code to branch on and a message to show. */
export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems (input paths or Jira field ids) mapped to a message each. */
  fields?: Record<string, string>;
}

/** A failure a service means to show the analyst; anything else is reported as INTERNAL. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toShape(): ApiErrorShape {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Tells an ApiError from any other thrown value. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The result envelope of every api call. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
