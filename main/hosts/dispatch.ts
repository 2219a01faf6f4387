import type { z } from 'zod';

import { apiContract, isMethodName } from '../../shared/api/contract';
import type { MethodName } from '../../shared/api/contract';
import { isApiError } from '../../shared/api/errors';
import type { ApiErrorShape, ApiResult } from '../../shared/api/errors';

/** Every method's handler, typed from the contract. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof apiContract)[M]['input']>) => Promise<z.input<(typeof apiContract)[M]['output']>>;
};

/** Turns zod issues into one message and a field map that names each path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ApiErrorShape {
  const fields: Record<string, string> = {};
  for (const issue of issues.slice(0, 20)) {
    const path = issue.path.map(String).join('.') || '(input)';
    fields[path] ??= issue.message;
  }
  const message = Object.entries(fields)
    .map(([path, text]) => `${path}: ${text}`)
    .join('; ');
  return { code: 'BAD_INPUT', message: `Invalid input: ${message}`.slice(0, 1000), fields };
}

/** The shape of any thrown value at the boundary; unknown errors never leak their details. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (isApiError(error)) return error.toShape();
  return { code: 'INTERNAL', message: 'Something went wrong inside Trailcase. The details were written to its log.' };
}

/** Every string of at least 6 characters in a parsed input (a token, an MFA code, a key). */
function inputStrings(input: unknown, found: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof input === 'string' && input.length >= 6) found.add(input);
  else if (input !== null && typeof input === 'object' && depth < 8)
    for (const value of Object.values(input as Record<string, unknown>)) inputStrings(value, found, depth + 1);
  return found;
}

/**
 * A log line with every input string cut out. The log never records an input, but an error's
 * message or stack may quote one (a Jira token, an MFA code): promise 6 holds for those too.
 */
function withoutInput(line: string, input: unknown): string {
  let text = line;
  for (const value of [...inputStrings(input)].sort((a, b) => b.length - a.length)) text = text.split(value).join('[input]');
  return text;
}

/**
 * The one entry of every host: checks the method name against the contract (own keys only, so
 * `__proto__` and `constructor` are unknown), parses the input with its schema (strict objects:
 * extra keys are refused), calls the handler and wraps the outcome. It logs only unexpected
 * errors, never an input.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}) {
  return async function dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown api method.' } };
    const parsed = apiContract[method].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
    try {
      const handler = handlers[method] as (value: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      // Only the method and the error, never the input (promise 6), and no input quoted by it.
      if (!isApiError(error)) log(withoutInput(`api ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, parsed.data));
      return { ok: false, error: toErrorShape(error) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
