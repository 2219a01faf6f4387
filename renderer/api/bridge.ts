import type { ApiOutput, MethodName, TrailcaseApi } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { ApiResult } from '../../shared/api/errors';
import { createWebClient, takeToken } from './web-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser (web host). */
    trailcase?: TrailcaseApi;
  }
}

/** Which host the page runs in. */
export const hostKind: 'electron' | 'web' = window.trailcase ? 'electron' : 'web';

/**
 * The one module that touches the bridge: the preload's object in the desktop app, the web
 * host's HTTP client in a browser. Everything else in the renderer imports `api` from here.
 */
export const api: TrailcaseApi = window.trailcase ?? createWebClient(takeToken());

/** Returns a result's data, or throws its error as an ApiError (for code that prefers exceptions). */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.data;
  throw new ApiError(result.error.code, result.error.message, result.error.fields);
}

/** Calls a method and unwraps its result. */
export async function call<M extends MethodName>(method: M, input: Parameters<TrailcaseApi[M]>[0]): Promise<ApiOutput<M>> {
  const fn = api[method] as (value: typeof input) => Promise<ApiResult<ApiOutput<M>>>;
  return unwrap(await fn(input));
}
