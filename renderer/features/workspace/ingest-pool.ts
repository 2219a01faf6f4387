import type { IngestedPage } from './ingest-page';

export interface IngestRequest {
  id: number;
  raws: string[];
  regions: string[];
}

export type IngestResponse = { id: number; page: IngestedPage } | { id: number; error: string };

/** Normalises pages of raw records elsewhere; rejects when it cannot (the caller then does it itself). */
export interface IngestPool {
  ingest(raws: string[], regions: string[]): Promise<IngestedPage>;
}

interface Pending {
  resolve(page: IngestedPage): void;
  reject(error: Error): void;
}

/**
 * Workers for ingest, one per core up to four: pages go to the worker with the fewest waiting,
 * so two cores parse two pages at once while the main thread stays free. A worker that fails
 * rejects what it had and the pool stops using workers (the pages are then ingested on the main
 * thread, as before workers existed).
 */
class WorkerPool implements IngestPool {
  private readonly waiting = new Map<number, Pending>();
  private readonly load: number[];
  private readonly owner = new Map<number, number>();
  private nextId = 0;
  private broken = false;

  constructor(private readonly workers: Worker[]) {
    this.load = workers.map(() => 0);
    workers.forEach((worker, index) => {
      worker.onmessage = ({ data }: MessageEvent<IngestResponse>) => this.answer(data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(index, new Error(event.message || 'the ingest worker failed'));
      };
    });
  }

  ingest(raws: string[], regions: string[]): Promise<IngestedPage> {
    if (this.broken) return Promise.reject(new Error('the ingest workers are not available'));
    const index = this.load.indexOf(Math.min(...this.load));
    const id = this.nextId++;
    this.load[index]! += 1;
    this.owner.set(id, index);
    return new Promise<IngestedPage>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[index]!.postMessage({ id, raws, regions } satisfies IngestRequest);
    });
  }

  private answer(data: IngestResponse): void {
    const pending = this.waiting.get(data.id);
    if (!pending) return;
    this.settle(data.id);
    if ('page' in data) pending.resolve(data.page);
    else pending.reject(new Error(data.error));
  }

  private settle(id: number): void {
    const index = this.owner.get(id);
    if (index !== undefined) this.load[index]! -= 1;
    this.owner.delete(id);
    this.waiting.delete(id);
  }

  private fail(index: number, error: Error): void {
    this.broken = true;
    for (const [id, owner] of [...this.owner]) {
      if (owner !== index) continue;
      const pending = this.waiting.get(id);
      this.settle(id);
      pending?.reject(error);
    }
  }
}

let shared: IngestPool | null | undefined;

/**
 * The page's ingest workers, started on first use (call it early, when a fetch may follow, so
 * they are ready by its first page), or null where workers cannot run (tests without a DOM
 * worker, a policy that refuses them): ingest then stays on the main thread. The workers load
 * from the app's own origin, which the CSP's `script-src 'self'` allows (worker-src falls back to it).
 */
export function ingestPool(): IngestPool | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (typeof Worker !== 'function') return shared;
  const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  try {
    const workers = Array.from({ length: size }, () => new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'ingest' }));
    shared = new WorkerPool(workers);
  } catch {
    shared = null;
  }
  return shared;
}
