import { describe, expect, it } from 'vitest';

import { toAthenaApiError } from '../../../main/services/sources/athena/athena-errors';

const context = { profile: 'ir', kind: 'keys' };
const fault = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, ...extra });

describe("Athena's errors as the analyst reads them", () => {
  it('quotes a refused request with its AthenaErrorCode (exit 2)', () => {
    const error = toAthenaApiError(fault('InvalidRequestException', 'line 1:8: mismatched input', { AthenaErrorCode: 'INVALID_INPUT' }), context);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'Athena refused the request (INVALID_INPUT): "line 1:8: mismatched input"' });
  });

  it('says what the profile needs when access is denied, and what to do when the token expired', () => {
    expect(toAthenaApiError(fault('AccessDeniedException', 'not authorized'), context)).toMatchObject({ code: 'ACCESS_DENIED', message: expect.stringContaining('athena:StartQueryExecution') as unknown });
    expect(toAthenaApiError(fault('ExpiredTokenException', 'expired'), context).code).toBe('CREDENTIALS_EXPIRED');
    expect(toAthenaApiError(fault('UnrecognizedClientException', 'bad key'), context).code).toBe('CREDENTIALS_MISSING');
    expect(toAthenaApiError(fault('TooManyRequestsException', 'Rate exceeded'), context).code).toBe('THROTTLED');
  });

  it("shows the service's control characters as markers, never raw", () => {
    const error = toAthenaApiError(fault('InternalServerException', 'boom \u001b]52;c;aGk=\u0007 done'), context);
    expect([...error.message].filter((char) => char.charCodeAt(0) < 0x20)).toEqual([]);
    expect(error.message).toContain('U+001B');
  });
});
