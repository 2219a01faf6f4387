import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';

import { checkEndpoint } from './endpoints';

/**
 * The HTTP handler of every AWS client Trailcase builds (CloudTrail, STS, SSO and the SDK's
 * nested clients it configures): the last check before a signed request leaves. Whatever chose
 * the URL, plain http goes only to loopback, so keys and tokens never cross a network in clear.
 */
export class CheckedHttpHandler extends NodeHttpHandler {
  override handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const [request] = args;
    const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
    try {
      checkEndpoint(`${request.protocol}//${host}${request.port ? `:${request.port}` : ''}/`, 'The endpoint of an AWS request');
    } catch (error) {
      return Promise.reject(error);
    }
    return super.handle(...args);
  }
}

/** A checked handler with timeouts, so a dead network fails fast instead of hanging a fetch. */
export function checkedHttpHandler(options: NodeHttpHandlerOptions = {}): CheckedHttpHandler {
  return new CheckedHttpHandler({ connectionTimeout: 5000, requestTimeout: 20_000, throwOnRequestTimeout: true, ...options });
}
