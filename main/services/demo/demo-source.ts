import { createHash } from 'node:crypto';

import type { LookupPage, LookupRequest, LookupSource } from '../cloudtrail/types';
import { sleep } from '../cloudtrail/rate-limiter';
import { demoAccount, demoAnchor } from './demo-account';
import type { DemoEvent } from './demo-records';

/** An error shaped as the SDK reports a service exception, so the engine treats it alike. */
function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, $fault: 'client' });
}

function matches(event: DemoEvent, request: LookupRequest): boolean {
  const { key, value } = request.attribute;
  if (key === 'ResourceName') return resourceNamesOf(event.raw).includes(value);
  return key === 'Username' ? event.username === value : event.accessKeyId === value;
}

/** The names LookupEvents' ResourceName matches: each listed resource's ARN (and its last part). */
function resourceNamesOf(raw: string): string[] {
  const { resources } = JSON.parse(raw) as { resources?: { ARN?: unknown }[] };
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((resource) => (typeof resource.ARN === 'string' ? [resource.ARN, resource.ARN.split(/[:/]/).pop()!] : []));
}

function queryHash(request: LookupRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.attribute, request.start.getTime(), request.end.getTime()]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The demo profile's LookupEvents: an in-process stand-in that pages the generated account 50
 * events at a time, newest first, with NextTokens bound to their query, a little latency, and a
 * rate a little above the real one so that the demo streams briskly.
 */
export function createDemoSource(options: { latencyMs?: number; callsPerSecond?: number; now?: () => number } = {}): LookupSource {
  const end = demoAnchor(options.now?.() ?? Date.now());
  const latency = options.latencyMs ?? 20;
  return {
    profile: 'demo',
    limitKey: `demo-${end}`,
    cacheKey: `demo-${end}`,
    callsPerSecond: options.callsPerSecond ?? 50,
    async lookup(region: string, request: LookupRequest, signal: AbortSignal): Promise<LookupPage> {
      await sleep(latency, signal);
      const events = demoAccount(end).byRegion.get(region) ?? [];
      const start = request.start.getTime();
      const stop = request.end.getTime();
      const hits = events.filter((event) => event.time >= start && event.time <= stop && matches(event, request));
      let offset = 0;
      if (request.nextToken !== null) {
        const [hash, at] = request.nextToken.split('.');
        if (hash !== queryHash(request) || !/^\d+$/.test(at ?? ''))
          throw serviceError('InvalidNextTokenException', 'Invalid NextToken: it does not belong to this query.');
        offset = Number(at);
      }
      const page = hits.slice(offset, offset + 50);
      const next = offset + 50 < hits.length ? `${queryHash(request)}.${offset + 50}` : null;
      return { events: page.map((event) => ({ eventId: event.id, time: event.time, raw: event.raw })), nextToken: next };
    },
  };
}
