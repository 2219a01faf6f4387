import { parentPort, workerData } from 'node:worker_threads';

import { candidatesOf, messageOf, textOf } from './file-cutting';
import { needlesOf } from './prefilter';
import type { CutAck, CutMessage, CutterInput } from './worker-messages';

/**
 * Candidate bytes sent and not yet judged before this cutter waits: memory stays flat when DuckDB
 * is the slower side (a filter that keeps every record). Twice the judge's batch, so that one
 * cutter alone always fills a batch and is answered.
 */
const CREDIT = 32 << 20;

/** Set by the host's 'stop' (Cancel) or the judge going away: no further file is claimed. */
let stopped = false;
let wake: (() => void) | null = null;

/**
 * A cutter: claims files one by one from the shared counter, reads and unzips each, cuts out the records
 * that could match (a byte search, see prefilter.ts) and sends them to the judge. Several run at
 * once, one per core: the search is plain JavaScript on one thread, the judge's DuckDB work is
 * small beside it.
 */
async function main({ files, filter, next, port, maxTextBytes }: CutterInput): Promise<void> {
  const needles = needlesOf(filter);
  const counter = new Int32Array(next);
  let unjudged = 0;
  port.on('message', (ack: CutAck) => {
    unjudged -= ack.judged;
    wake?.();
  });
  port.on('close', () => {
    stopped = true;
    wake?.();
  });
  const send = (message: CutMessage) => port.postMessage(message);
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  while (!stopped) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= files.length) break;
    try {
      const slices = candidatesOf(textOf(files[index]!, maxTextBytes), needles);
      const bytes = slices.reduce((sum, slice) => sum + slice.raw.length, 0);
      unjudged += bytes;
      send({ type: 'cut', index, slices, bytes });
    } catch (error) {
      send({ type: 'cutError', index, message: messageOf(error) });
    }
    // A turn of the event loop between files, for 'stop' and the judge's answers.
    await turn();
    while (!stopped && unjudged > CREDIT) await new Promise<void>((resolve) => (wake = resolve));
  }
  send({ type: 'end' });
  port.close();
  parentPort!.close();
}

parentPort!.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  stopped = true;
  wake?.();
});

// A failure ends the thread: the host hears the error, the judge hears the port close.
void main(workerData as CutterInput);
