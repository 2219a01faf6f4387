import type { FetchAnalysis } from '../../../shared/api/analysis-contract';

/** A request to the analysis worker, matched to its reply by id. */
export interface WorkerRequest<I> {
  id: number;
  input: I;
}

/** The worker's reply: the answer, or what failed, as text. */
export type WorkerReply = { id: number; answer: FetchAnalysis } | { id: number; error: string };
