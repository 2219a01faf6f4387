import type { NormalizedEvent } from '../../../shared/records/types';
import { formatLocal, formatUtc } from '../timeline/time-format';

/** One line of the detail's facts: a question and its answer in words. */
export interface Fact {
  label: 'Who' | 'What' | 'When' | 'Where' | 'Result';
  text: string;
  title?: string;
}

/** The facts of an event in words: who did what, when, from where, and how it ended. */
export function factsOf(event: NormalizedEvent): Fact[] {
  const who = [event.actor || 'unknown identity', event.identityType && `(${event.identityType})`, event.accessKeyId && `with key ${event.accessKeyId}`]
    .filter(Boolean)
    .join(' ');
  const via = event.via ? `; reached through key ${event.via.accessKeyId}, issued by ${event.via.issuingEventName}` : '';
  const result = event.errorCode ? `Failed: ${event.errorCode}${event.errorMessage ? ` — ${event.errorMessage}` : ''}` : 'Succeeded';
  return [
    { label: 'Who', text: `${who}${via}`, title: event.arn },
    { label: 'What', text: `${event.eventName || 'unknown call'} on ${event.eventSource || 'unknown service'}${event.readOnly === true ? ' (read)' : event.readOnly === false ? ' (write)' : ''}` },
    { label: 'When', text: formatUtc(event.time), title: formatLocal(event.time) },
    { label: 'Where', text: `${event.region || 'unknown region'}, from ${event.sourceIPAddress || 'unknown address'}${event.userAgent ? ` using ${event.userAgent}` : ''}` },
    { label: 'Result', text: result },
  ];
}
