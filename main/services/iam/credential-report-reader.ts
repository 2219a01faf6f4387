import { ApiError } from '../../../shared/api/errors';
import { CREDENTIAL_REPORT_NOTE, parseCredentialReport } from '../../../shared/iam/credential-report';
import type { CredentialReport } from '../../../shared/iam/credential-report';
import type { IamReads } from './iam-api';
import { accountWideFailure, isAccessDenied, serviceText } from './iam-errors';
import { LAST_ACCESSED_BACKOFF_MS } from './last-accessed';

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('CANCELLED', 'Reading the credential report was cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new ApiError('CANCELLED', 'Reading the credential report was cancelled.'))), { once: true });
  });

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name ?? '';

/**
 * The credential report: GenerateCredentialReport (IAM makes a new one only when the last is more
 * than 4 hours old), polled until COMPLETE, then GetCredentialReport; an expired or missing report
 * is generated again, one in progress waited for. A profile that may only read gets the existing one.
 */
export async function readCredentialReport(reads: IamReads, options: { profile: string; backoffMs?: number[]; signal?: AbortSignal }): Promise<CredentialReport> {
  const delays = options.backoffMs ?? LAST_ACCESSED_BACKOFF_MS;
  const fail = (error: unknown): never => {
    const fatal = accountWideFailure(error, options.profile);
    if (fatal) throw fatal;
    if (isAccessDenied(error)) {
      throw new ApiError('ACCESS_DENIED', `Profile "${options.profile}" may not read the credential report (iam:GenerateCredentialReport and iam:GetCredentialReport). AWS said: ${serviceText(error)}`);
    }
    throw new ApiError('NETWORK', `Reading the credential report failed: ${serviceText(error)}`);
  };
  let generate = true;
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (generate) {
      try {
        const state = await reads.generateCredentialReport();
        if (state !== 'COMPLETE') {
          if (attempt === delays.length) break;
          await pause(delays[attempt]!, options.signal);
          continue;
        }
      } catch (error) {
        // Not allowed to generate: read the report that exists, if any.
        if (!isAccessDenied(error)) fail(error);
        generate = false;
      }
    }
    try {
      const { csv, generatedAt } = await reads.getCredentialReport();
      return { generatedAt, users: parseCredentialReport(csv), note: CREDENTIAL_REPORT_NOTE };
    } catch (error) {
      const name = nameOf(error);
      if (!generate && (name.startsWith('CredentialReportNotPresent') || name.startsWith('CredentialReportExpired'))) {
        throw new ApiError('ACCESS_DENIED', `There is no current credential report, and profile "${options.profile}" may not generate one (iam:GenerateCredentialReport).`);
      }
      if (!/^CredentialReport(NotReady|NotPresent|Expired)/.test(name)) fail(error);
      if (attempt === delays.length) break;
      await pause(delays[attempt]!, options.signal);
    }
  }
  throw new ApiError('NETWORK', 'IAM did not finish the credential report in time; try again in a minute.');
}
