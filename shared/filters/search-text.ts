import type { NormalizedEvent } from '../records/types';

/** How much of the request parameters global search looks into per event. */
const maxParameterText = 600;

const cache = new WeakMap<NormalizedEvent, string>();

function parametersText(event: NormalizedEvent): string {
  if (!event.record) return event.raw?.slice(0, maxParameterText) ?? '';
  try {
    const text = JSON.stringify(event.record.requestParameters ?? null) ?? '';
    return text.slice(0, maxParameterText);
  } catch {
    return '';
  }
}

/**
 * The lower-cased text global search matches an event against: its named fields and the start of
 * its request parameters. Built once per event and cached, so a keystroke over 100,000 events is
 * a scan of prepared strings.
 */
export function searchTextOf(event: NormalizedEvent): string {
  let text = cache.get(event);
  if (text === undefined) {
    text = [
      event.id, event.eventName, event.eventSource, event.region, event.sourceIPAddress, event.userAgent.slice(0, 300),
      event.actor, event.arn, event.accessKeyId, event.errorCode, event.errorMessage.slice(0, 300), event.resources.join(' '),
      parametersText(event),
    ]
      .join('\n')
      .toLowerCase();
    cache.set(event, text);
  }
  return text;
}
