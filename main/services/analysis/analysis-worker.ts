import { parentPort } from 'node:worker_threads';

import { analyzeFetched } from './analyze-fetched';
import type { AnalysisInput } from './analyze-fetched';
import type { WorkerReply, WorkerRequest } from './worker-messages';

/**
 * The analysis worker's entry (built as out/main/analysis-worker.cjs): one analysis at a time,
 * in the order asked, with the enrichment loaded once for the worker's life.
 */
const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread only');

let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest<AnalysisInput>) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, answer: await analyzeFetched(request.input) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
