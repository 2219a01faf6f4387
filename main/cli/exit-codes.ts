import { isCredentialError } from '../../shared/api/errors';
import type { ErrorCode } from '../../shared/api/errors';

/** Exit codes of DESIGN.md 2.2. */
export const ExitCode = {
  done: 0,
  failed: 1,
  usage: 2,
  credentials: 3,
  interrupted: 4,
} as const;

/** The exit code for an api error code. */
export function exitCodeFor(code: ErrorCode): number {
  if (isCredentialError(code)) return ExitCode.credentials;
  switch (code) {
    case 'BAD_INPUT':
    case 'UNKNOWN_METHOD':
      return ExitCode.usage;
    case 'CANCELLED':
      return ExitCode.interrupted;
    default:
      return ExitCode.failed;
  }
}
