import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { Event } from '@aws-sdk/client-cloudtrail';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

import { stableId } from '../../../shared/records/normalize';
import { CheckedHttpHandler } from '../aws/checked-http-handler';
import { clientEndpoint } from '../aws/endpoints';
import { whenSent } from './send-clock';
import type { LookupItem, LookupPage, LookupRequest, LookupSource } from './types';

export interface SdkSourceOptions {
  profile: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  limitKey: string;
  cacheKey: string;
  /** Connection and whole-request limits: a hung call is detected and retried by the engine. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** The service's rate per account and region: 2, except against a test endpoint told otherwise. */
  callsPerSecond?: number;
}

/**
 * LookupEvents through the real SDK. The SDK's own retries are off (maxAttempts 1): its retry
 * quota runs out under sustained throttling, and the engine's limiter and retry loop already do
 * that job while honouring Cancel. The abort signal reaches the HTTP handler, so no request
 * leaves after Cancel.
 */
export function createSdkSource(options: SdkSourceOptions): LookupSource & { destroy(): void } {
  const clients = new Map<string, CloudTrailClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudTrailClient({
        region,
        credentials: options.credentials,
        maxAttempts: 1,
        requestHandler: new CheckedHttpHandler({
          connectionTimeout: options.connectionTimeoutMs ?? 5000,
          requestTimeout: options.requestTimeoutMs ?? 30_000,
          throwOnRequestTimeout: true,
        }),
        // The resolved endpoint or AWS's own, never the SDK's lookup of [default] / AWS_PROFILE.
        ...clientEndpoint(options.endpoint),
      });
      clients.set(region, client);
    }
    return client;
  };
  return {
    profile: options.profile,
    limitKey: options.limitKey,
    cacheKey: options.cacheKey,
    callsPerSecond: options.callsPerSecond ?? 2,
    async lookup(region: string, request: LookupRequest, signal: AbortSignal): Promise<LookupPage> {
      const command = new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: request.attribute.key, AttributeValue: request.attribute.value }],
        StartTime: request.start,
        EndTime: request.end,
        MaxResults: 50,
        ...(request.nextToken ? { NextToken: request.nextToken } : {}),
      });
      const onSend = request.onSend;
      let forget = () => {};
      if (onSend) {
        command.middlewareStack.add(
          (next) => (args) => {
            // Signed and about to leave; the clock moves again when the bytes reach the socket.
            onSend();
            const id = (args.request as { headers?: Record<string, string> }).headers?.['amz-sdk-invocation-id'];
            if (id) forget = whenSent(id, onSend);
            return next(args);
          },
          { step: 'finalizeRequest', priority: 'low', name: 'trailcaseRateClock' },
        );
      }
      const output = await clientFor(region)
        .send(command, { abortSignal: signal })
        .finally(() => forget());
      return { events: (output.Events ?? []).map((event) => toItem(event, request)), nextToken: output.NextToken ?? null };
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

/** Keeps `CloudTrailEvent` exactly as sent; id and time come from the page's own fields. */
function toItem(event: Event, request: LookupRequest): LookupItem {
  const raw = event.CloudTrailEvent ?? '';
  let time = event.EventTime?.getTime() ?? Number.NaN;
  if (!Number.isFinite(time)) {
    const match = /"eventTime"\s*:\s*"([^"]{1,40})"/.exec(raw);
    time = match ? Date.parse(match[1]!) : Number.NaN;
  }
  if (!Number.isFinite(time)) time = request.end.getTime();
  return { eventId: event.EventId ?? stableId(raw), time, raw };
}
