import { ApiError } from '../../../shared/api/errors';
import { JiraHttpError } from './jira-http-error';

/** Waits, in a way tests can observe; real time by default. */
export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a Jira call, and when Jira answers 429 waits as long as its `Retry-After` says before
 * trying again (promise 17). A 429 means the request was refused, so repeating it is safe.
 */
export async function withRetryAfter<T>(
  request: () => Promise<T>,
  options: { sleep?: Sleep; attempts?: number; maxWaitSeconds?: number } = {},
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof JiraHttpError) || error.status !== 429) throw error;
      const wait = error.retryAfterSeconds ?? 5;
      if (attempt >= attempts || wait > (options.maxWaitSeconds ?? 120)) {
        throw new ApiError('THROTTLED', `Jira is limiting requests; it asked to wait ${Math.ceil(wait)} s. Try again in a moment.`);
      }
      await sleep(wait * 1000);
    }
  }
}
