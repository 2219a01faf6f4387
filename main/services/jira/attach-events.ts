import type { JiraApi } from './jira-client';
import { JiraHttpError } from './jira-http-error';
import { realSleep, withRetryAfter } from './retry-after';
import type { Sleep } from './retry-after';

/**
 * Uploads the events file once (promise 18). A lost answer or a server error is retried, but
 * only after checking the issue's attachments: an upload that did arrive is not sent again (a
 * 5xx from a proxy can follow an upload Jira stored). `checkFirst` does that check before the
 * first upload too, for a retry of an earlier attempt. Only the upload is retried, never the
 * issue.
 */
export async function attachOnce(
  api: JiraApi,
  issueKey: string,
  filename: string,
  content: string,
  options: { sleep?: Sleep; attempts?: number; checkFirst?: boolean } = {},
): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? 3;
  const alreadyThere = async () => {
    const names = await withRetryAfter(() => api.attachmentNames(issueKey), { sleep }).catch(() => null);
    return names?.includes(filename) ?? false;
  };
  if (options.checkFirst && (await alreadyThere())) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await withRetryAfter(() => api.addAttachment(issueKey, filename, content), { sleep });
      return;
    } catch (error) {
      const transient = error instanceof JiraHttpError && (error.status === null || error.status >= 500);
      if (!transient || attempt >= attempts) throw error;
      if (await alreadyThere()) return;
      await sleep(500 * 2 ** (attempt - 1));
    }
  }
}
