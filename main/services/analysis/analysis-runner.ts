import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { FetchAnalysis } from '../../../shared/api/analysis-contract';
import { ApiError } from '../../../shared/api/errors';
import { analyzeFetched } from './analyze-fetched';
import type { AnalysisInput } from './analyze-fetched';
import type { WorkerReply, WorkerRequest } from './worker-messages';

export type { AnalysisInput } from './analyze-fetched';

export interface AnalysisRunner {
  run(input: AnalysisInput): Promise<FetchAnalysis>;
  /** Ends the worker; analyses still running fail with INTERNAL. */
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** True when this module runs from its TypeScript source (Vitest, tsx), not from out/main. */
export const runsFromSource = fileURLToPath(import.meta.url).endsWith('.ts');

/** The built worker next to the built main files (this code may sit in out/main/chunks). */
export function builtWorkerPath(): string {
  const candidates = [join(here, 'analysis-worker.cjs'), join(here, '..', 'analysis-worker.cjs')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new ApiError('INTERNAL', `The analysis worker is missing (looked for ${candidates.join(' and ')}): rebuild Trailcase.`);
  return found;
}

const failure = (what: string) => new ApiError('INTERNAL', `The analysis failed: ${what}`);

/** The analysis in this thread, behind the runner's interface (tests from source only). */
export function createInlineRunner(): AnalysisRunner {
  return {
    run: (input) => analyzeFetched(input).catch((error: unknown) => Promise.reject(failure(error instanceof Error ? error.message : String(error)))),
    close: async () => {},
  };
}

/**
 * The analysis in a worker thread, so that the host's main thread (the web host's server,
 * Electron's main process) keeps answering while 100,000 events are analysed. One worker, started
 * on first use and kept (its enrichment stays loaded); if it dies, what it was running fails with
 * INTERNAL and the next call starts a new one. The worker does not keep the process alive.
 */
export function createWorkerRunner(options: { file?: string; execArgv?: string[] } = {}): AnalysisRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (answer: FetchAnalysis) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(options.file ?? builtWorkerPath(), { execArgv: options.execArgv });
    started.unref();
    started.on('message', (reply: WorkerReply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      if ('error' in reply) entry.reject(failure(reply.error));
      else entry.resolve(reply.answer);
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(failure(`the analysis worker crashed (${error.message})`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(failure(`the analysis worker stopped (exit code ${code})`));
    });
    return started;
  };

  return {
    run(input) {
      return new Promise<FetchAnalysis>((resolve, reject) => {
        const id = nextId++;
        try {
          worker ??= start();
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, input } satisfies WorkerRequest<AnalysisInput>);
        } catch (error) {
          pending.delete(id);
          reject(error instanceof ApiError ? error : failure(error instanceof Error ? error.message : String(error)));
        }
      });
    },
    async close() {
      const running = worker;
      worker = null;
      failAll(failure('the host is closing'));
      if (running) await running.terminate();
    },
  };
}

/** The production runner is the worker; from source (tests) the analysis runs in-process unless a worker file is given. */
export function createAnalysisRunner(options: { file?: string; execArgv?: string[] } = {}): AnalysisRunner {
  if (runsFromSource && !options.file) return createInlineRunner();
  return createWorkerRunner(options);
}
