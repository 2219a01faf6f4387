import type { DatasetInfo } from '../../intel/types';
import type { AnalysisEvent } from '../analysis-event';
import type { BaselineField } from '../baseline';
import type { FindingDraft } from './finding';

/** What a detector may ask besides the events. */
export interface DetectorContext {
  /** Whether a data set is loaded: without it, its answers are unknown, never "no". */
  has(dataset: DatasetInfo['id']): boolean;
  /** Records what could not be decided, for `notes`. */
  note(text: string): void;
  /** Per event (by index), what the baseline never showed; null without a baseline. */
  newFields: ReadonlyArray<readonly BaselineField[]> | null;
  /** The events with a time, in time order (input order among equal times), sorted once for every detector. */
  timed: readonly AnalysisEvent[];
  /** `timed` grouped by actor (user or role session), each group in time order. */
  byActor: ReadonlyMap<string, readonly AnalysisEvent[]>;
}

/** One kind of finding: pure, over all the events at once. */
export type Detector = (events: readonly AnalysisEvent[], context: DetectorContext) => FindingDraft[];
