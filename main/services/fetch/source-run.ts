import { ApiError, isApiError } from '../../../shared/api/errors';
import type { FetchedEvent, SourceProgress } from '../../../shared/api/fetch-contract';
import { sourceOf } from '../../../shared/api/fetch-contract';
import { sourceStreamKey } from './fetch-store';
import type { FetchRecord, FetchStore, SourceRunState, StoredEvent } from './fetch-store';
import type { RunCallbacks } from './fetch-run';
import type { SourceDriver, SourceUnit } from './source-driver';
import { subjectFilter } from './subject-filter';

const MAX_FAILED_SHOWN = 1000;

/** The `eventTime` of a record's text, without parsing the whole record (NaN when absent). */
function timeOf(raw: string): number {
  const match = /"eventTime"\s*:\s*"([^"]{1,40})"/.exec(raw);
  return match ? Date.parse(match[1]!) : Number.NaN;
}

export function freshSourceState(): SourceRunState {
  return { done: [], bytesDone: 0, total: null, bytes: null, failed: [], resume: {} };
}

/**
 * One fetch from a source other than lookup (log files, S3, Athena) in motion. Each unit's
 * events are appended to the fetch's own stream before the record naming the unit as done is
 * saved, so a kill at any point resumes without losing a stored unit (a unit stored but not yet
 * recorded is read again, and dedupe by eventID absorbs it).
 */
export class SourceRun {
  readonly events: FetchedEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly key: string;
  private phase: string | null = null;

  constructor(
    readonly record: FetchRecord,
    private readonly driver: SourceDriver | null,
    private readonly store: FetchStore,
    private readonly callbacks: RunCallbacks,
  ) {
    this.key = sourceStreamKey(record.fetchId);
    record.source ??= freshSourceState();
  }

  private get state(): SourceRunState {
    return this.record.source!;
  }

  plan(): void {
    this.record.source = freshSourceState();
  }

  /** Reads what the fetch's stream holds (a fetch resumed or only shown). */
  restore(): void {
    this.accept(this.store.readEvents(this.key));
  }

  async run(signal: AbortSignal): Promise<void> {
    if (!this.driver) throw new ApiError('INTERNAL', 'This fetch is not running.');
    const { query } = this.record;
    const { state } = this;
    state.failed = [];
    try {
      await this.driver.run({
        query,
        filter: subjectFilter(query.identity),
        start: Date.parse(query.start),
        end: Date.parse(query.end),
        regions: query.regions,
        signal,
        done: new Set(state.done),
        resume: { ...state.resume },
        setResume: (key, value) => {
          state.resume[key] = value;
          this.flush();
        },
        onFound: (totals) => {
          state.total = state.done.length + totals.units;
          state.bytes = totals.bytes === null ? null : state.bytesDone + totals.bytes;
          this.callbacks.onProgress(true);
        },
        onUnit: (unit) => this.acceptUnit(unit),
        onPhase: (phase) => {
          this.phase = phase;
          this.callbacks.onProgress(true);
        },
      });
      this.record.error = null;
    } catch (error) {
      if (signal.aborted && isApiError(error) && error.code === 'CANCELLED') return;
      this.record.error = isApiError(error)
        ? error.toShape()
        : { code: 'INTERNAL', message: `The ${sourceOf(query).kind} source stopped on an unexpected error: Resume tries again.` };
    } finally {
      this.phase = null;
      this.driver.close?.();
      this.flush();
    }
  }

  private acceptUnit(unit: SourceUnit): void {
    const { state } = this;
    const stored: StoredEvent[] = unit.events.map((event) => ({ id: event.eventId, t: timeOf(event.raw), raw: event.raw, r: event.region }));
    this.store.appendEvents(this.key, stored.filter((event) => !this.seen.has(event.id)));
    if (unit.error !== null) {
      if (state.failed.length < MAX_FAILED_SHOWN) state.failed.push({ name: unit.name, message: unit.error });
    } else if (unit.resumable !== false) {
      state.done.push(unit.name);
      state.bytesDone += unit.bytes;
    }
    this.accept(stored);
    this.flush();
    this.callbacks.onSaved();
  }

  /** Dedupes by eventID and streams the new events. */
  private accept(events: StoredEvent[]): void {
    const added: FetchedEvent[] = [];
    for (const event of events) {
      if (this.seen.has(event.id)) continue;
      this.seen.add(event.id);
      added.push({ eventId: event.id, region: event.r ?? '', raw: event.raw });
    }
    if (added.length === 0) return;
    this.events.push(...added);
    this.callbacks.onEvents(added);
  }

  /** The progress line's figures: units done of all (failed ones count as done), bytes, events. */
  progress(): SourceProgress {
    const { state } = this;
    const driver = this.driver ?? { kind: sourceOf(this.record.query).kind as SourceProgress['kind'], unit: unitOf(this.record) };
    return {
      kind: driver.kind,
      unit: driver.unit,
      done: state.done.length + state.failed.length,
      total: state.total,
      bytesDone: state.bytesDone,
      bytes: state.bytes,
      events: this.events.length,
      failed: state.failed,
      phase: this.phase,
    };
  }

  /** Writes the record now: after every unit, so a kill loses at most the unit being read. */
  flush(): void {
    this.record.updatedAt = new Date().toISOString();
    this.store.saveFetch(this.record);
  }
}

function unitOf(record: FetchRecord): SourceProgress['unit'] {
  const kind = sourceOf(record.query).kind;
  return kind === 's3' ? 'objects' : kind === 'athena' ? 'pages' : 'files';
}
