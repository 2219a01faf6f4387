import type { IdentityContext } from '../../../shared/iam/types';
import { LAST_ACCESSED_NOTE } from '../../../shared/iam/types';
import type { IamReads } from './iam-api';

/** Waits between polls of the job: short at first (small jobs finish in a second), then longer. */
export const LAST_ACCESSED_BACKOFF_MS = [250, 500, 1000, 2000, 3000, 5000, 8000, 10_000];

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

/**
 * Services last accessed by a principal: GenerateServiceLastAccessedDetails, then
 * GetServiceLastAccessedDetails polled with back-off until COMPLETED (about 30 s at most).
 * IAM's data lags by up to 4 hours, and the note says so.
 */
export async function servicesLastAccessed(
  reads: IamReads,
  arn: string,
  options: { backoffMs?: number[]; signal?: AbortSignal } = {},
): Promise<NonNullable<IdentityContext['servicesLastAccessed']>> {
  const jobId = await reads.generateServiceLastAccessedDetails(arn);
  const delays = options.backoffMs ?? LAST_ACCESSED_BACKOFF_MS;
  for (let attempt = 0; ; attempt += 1) {
    const page = await reads.getServiceLastAccessedDetails(jobId);
    if (page.status === 'COMPLETED') {
      // Used services first, most recent first; never-used ones after, by name.
      const services = [...page.services].sort(
        (a, b) => (b.lastAuthenticated ?? '').localeCompare(a.lastAuthenticated ?? '') || a.serviceNamespace.localeCompare(b.serviceNamespace),
      );
      return { services, completedAt: page.completedAt, note: LAST_ACCESSED_NOTE };
    }
    if (page.status === 'FAILED') throw new Error(`IAM's services-last-accessed job failed${page.error ? `: ${page.error}` : ''}.`);
    if (attempt >= delays.length) throw new Error('IAM\'s services-last-accessed job did not finish in time; try again in a minute.');
    await pause(delays[attempt]!, options.signal);
  }
}
