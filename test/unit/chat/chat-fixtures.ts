import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import { hostileRawEvents } from '../../fixtures/hostile/corpus';

/** What chat platforms would read as mentions, links or formatting, on top of promise 8's corpus. */
export const chatHostile = ['<!channel>', '<!here|here>', '<@U024BE7LH>', '<#C024BE7LR>', '<https://evil.test|click here>', '*bold* _it_ ~st~ `code`', '@here', '<at>Boss</at>', ':skull:', '[x](https://evil.test)', 'www.evil.test'];

/** The hostile corpus plus chat-specific strings as user names and parameters of records. */
export function hostileChatEvents(): NormalizedEvent[] {
  const extra = chatHostile.map((text, i) =>
    JSON.stringify({
      eventVersion: '1.09',
      eventTime: `2026-11-20T12:${String(i).padStart(2, '0')}:00Z`,
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.9',
      userAgent: text,
      eventID: `chat-${i}`,
      readOnly: false,
      userIdentity: { type: 'IAMUser', userName: text, arn: `arn:aws:iam::111122223333:user/${text}`, accessKeyId: 'AKIAEXAMPLE0000CHAT' },
      requestParameters: { userName: text },
      responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLENEWKEY001', userName: text } },
    }),
  );
  return [...hostileRawEvents('mallory'), ...extra].map((raw) => normalizeEvent(raw, { region: 'us-east-1' }));
}

/** Every value under `value`, with the key it sits at. */
export function walk(value: unknown, visit: (key: string, child: unknown, parent: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, visit));
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    visit(key, child, value as Record<string, unknown>);
    walk(child, visit);
  }
}
