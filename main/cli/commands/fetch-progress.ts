import type { WriteStream } from 'node:tty';

import { MultiBar, Presets } from 'cli-progress';
import type { SingleBar } from 'cli-progress';

import type { RegionProgress } from '../../../shared/api/fetch-contract';
import { terminalText } from '../../../shared/display/visible-text';
import type { StreamMessage } from '../../../shared/api/stream';

function line(region: RegionProgress): string {
  const eta = region.state !== 'running' || region.etaSeconds === null ? '' : `, about ${region.etaSeconds}s left`;
  const waiting = region.waitingOnRateLimit ? ', waiting on the rate limit' : '';
  return `${region.region}: ${region.state}, ${region.pages} pages, ${region.events} events, ${Math.round(region.covered * 100)}% covered${eta}${waiting}`;
}

/**
 * Fetch progress on stderr: a bar per region on a terminal, plain lines (at most one per region
 * every two seconds, and the last state) when stderr is a file or a pipe. The bars' own escape
 * sequences are the only control characters written; every text in them is made visible.
 */
export function createProgressReporter(stream: NodeJS.WriteStream) {
  const tty = Boolean((stream as WriteStream).isTTY);
  const multi = tty
    ? new MultiBar(
        { stream, format: ' {region} [{bar}] {percentage}% | {events} events | {note}', hideCursor: true, clearOnComplete: false },
        Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, SingleBar>();
  const lastLine = new Map<string, { at: number; state: string }>();
  // A line held back by the two-second spacing is written when the spacing ends, so the last
  // state before a quiet spell (a slow or hung call) is never lost.
  const held = new Map<string, { region: RegionProgress; timer: ReturnType<typeof setTimeout> }>();
  const writeLine = (region: RegionProgress) => {
    const pending = held.get(region.region);
    if (pending) clearTimeout(pending.timer);
    held.delete(region.region);
    lastLine.set(region.region, { at: Date.now(), state: region.state });
    stream.write(`${terminalText(line(region))}\n`);
  };
  return {
    onMessage(message: StreamMessage): void {
      if (message.type !== 'fetch.progress') return;
      for (const region of message.regions) {
        if (multi) {
          const payload = {
            region: terminalText(region.region).padEnd(14),
            events: region.events,
            note: region.waitingOnRateLimit ? 'rate limit' : region.state,
          };
          let bar = bars.get(region.region);
          if (!bar) {
            bar = multi.create(100, 0, payload);
            bars.set(region.region, bar);
          }
          bar.update(Math.round(region.covered * 100), payload);
          continue;
        }
        const last = lastLine.get(region.region);
        const wait = last && last.state === region.state ? last.at + 2000 - Date.now() : 0;
        if (wait <= 0) {
          writeLine(region);
          continue;
        }
        const pending = held.get(region.region);
        if (pending) pending.region = region;
        else {
          const timer = setTimeout(() => writeLine(held.get(region.region)!.region), wait);
          timer.unref();
          held.set(region.region, { region, timer });
        }
      }
    },
    stop(): void {
      for (const { timer } of held.values()) clearTimeout(timer);
      held.clear();
      multi?.stop();
    },
  };
}
