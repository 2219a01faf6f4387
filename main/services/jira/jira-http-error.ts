/**
 * A failed Jira call in our own terms, whatever the client library threw. `status` is null when
 * no response arrived (reset, timeout): the request may or may not have reached Jira.
 */
export class JiraHttpError extends Error {
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;
  readonly errorMessages: string[];
  /** Jira's field errors: field id → message. */
  readonly errors: Record<string, string>;

  constructor(init: {
    status: number | null;
    retryAfterSeconds?: number | null;
    errorMessages?: string[];
    errors?: Record<string, string>;
    message?: string;
  }) {
    super(init.message ?? (init.status === null ? 'No response from Jira' : `Jira answered ${init.status}`));
    this.name = 'JiraHttpError';
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.errorMessages = init.errorMessages ?? [];
    this.errors = init.errors ?? {};
  }
}

/** Reads `Retry-After` (seconds or an HTTP date) into seconds; null when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

function strings(value: unknown, max = 10): string[] {
  return Array.isArray(value)
    ? value
        .filter((item): item is string => typeof item === 'string')
        .slice(0, max)
        .map((item) => item.slice(0, 500))
    : [];
}

function fieldErrors(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(value).slice(0, 50))
    if (typeof message === 'string' && /^[\w.-]{1,80}$/.test(key)) out[key] = message.slice(0, 500);
  return out;
}

const networkReasons: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'it timed out',
  ECONNABORTED: 'it timed out',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another name',
};

/** Why no answer came, in words (the network error's code names it; our words never nest parentheses). */
export function noResponseReason(code: unknown): string {
  if (typeof code !== 'string') return 'a network error';
  if (Object.hasOwn(networkReasons, code)) return networkReasons[code]!;
  return /^[A-Z_]{3,40}$/.test(code) ? `network error ${code}` : 'a network error';
}

/**
 * Translates what jira.js throws (its HttpException with the axios error as cause, or the axios
 * error itself when no response came) into a JiraHttpError. Nothing of the request (headers with
 * the Authorization token) is carried over.
 */
export function toJiraHttpError(error: unknown): JiraHttpError {
  if (error instanceof JiraHttpError) return error;
  const e = error as { status?: unknown; response?: unknown; cause?: unknown; isAxiosError?: boolean; code?: unknown };
  const axiosLike = (e?.isAxiosError ? e : e?.cause) as
    | { isAxiosError?: boolean; response?: { status?: number; data?: unknown; headers?: Record<string, unknown> }; code?: unknown }
    | undefined;
  if (axiosLike?.isAxiosError && !axiosLike.response) {
    return new JiraHttpError({ status: null, message: `No response from Jira: ${noResponseReason(axiosLike.code)}` });
  }
  const response = axiosLike?.response;
  const status = typeof response?.status === 'number' ? response.status : typeof e?.status === 'number' ? e.status : null;
  const body = (response?.data ?? (e?.response as { data?: unknown } | undefined)?.data) as
    { errorMessages?: unknown; errors?: unknown } | undefined;
  return new JiraHttpError({
    status,
    retryAfterSeconds: parseRetryAfter(response?.headers?.['retry-after']),
    errorMessages: strings(body?.errorMessages),
    errors: fieldErrors(body?.errors),
  });
}
