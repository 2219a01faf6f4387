import { fillSearchBits, holdsPairs, pairWords } from '../../../shared/filters/search-pairs';
import { buildSearchText, rawParametersText } from '../../../shared/filters/search-text';
import { parseRecord } from '../../../shared/records/normalize';
import type { ViaLink } from '../../../shared/records/normalize';
import type { CloudTrailRecord, EventCategory, NormalizedEvent } from '../../../shared/records/types';
import { topSeverity } from '../../../shared/rules/engine';
import type { RuleHit, Severity } from '../../../shared/rules/types';

/** The normalised fields of an event that are derived from its record (normalizeEvent's output, record, raw and via aside). */
export type EventFields = Omit<NormalizedEvent, 'record' | 'raw' | 'via'>;

/** Parsed records kept for the most recently read events (detail, compare, ticket). */
const recentRecords = new Map<string, CloudTrailRecord | null>();
const maxRecentRecords = 256;

function recordOf(id: string, raw: string): CloudTrailRecord | null {
  let record = recentRecords.get(id);
  if (record === undefined) {
    record = parseRecord(raw).record;
    recentRecords.set(id, record);
    if (recentRecords.size > maxRecentRecords) recentRecords.delete(recentRecords.keys().next().value!);
  }
  return record;
}

/**
 * Events' pair bitsets share one buffer of this many rows: a search reads an event's row there
 * (one memory access after the event's own), not through an array object per event.
 */
const pairsPerChunk = 4096;
let chunk = new Uint32Array(0);
let chunkUsed = 0;

/** Room for one zeroed bitset of pairWords words: the current chunk and where in it. */
function newPairs(): { chunk: Uint32Array; at: number } {
  if (chunkUsed + pairWords > chunk.length) {
    chunk = new Uint32Array(pairWords * pairsPerChunk);
    chunkUsed = 0;
  }
  const at = chunkUsed;
  chunkUsed += pairWords;
  return { chunk, at };
}

/**
 * A fetched event as the workspace keeps it. The normalised fields are own data properties set
 * in one order, so every event shares one hidden class and a scan over 100,000 of them stays
 * fast (redefining a property as a getter on each object would push them into V8's slow
 * dictionary mode); they are copied one by one, not spread, which costs a tenth as much at
 * ingest. Flags are prepared at ingest, as a plain field; the search text, its mask and its pairs are
 * prepared after the table is drawn (see prepareSearch), or on first use. The parsed record is
 * not kept: it is re-read from the raw text on demand, since 100,000 parsed records would take
 * several hundred megabytes and the raw text a third of that.
 */
export class WorkspaceEvent implements NormalizedEvent {
  readonly id: string;
  readonly time: number;
  readonly eventName: string;
  readonly eventSource: string;
  readonly service: string;
  readonly region: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly identityType: string;
  readonly actor: string;
  readonly arn: string;
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly sessionIssuer: string;
  readonly readOnly: boolean | null;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly category: EventCategory;
  readonly resources: string[];
  readonly via: ViaLink | null;
  readonly raw: string;
  readonly parseError: string | null;
  readonly flagged: boolean;
  /** The highest severity among the flags (the timeline counts by it), or null. */
  readonly severity: Severity | null;
  private text: string | null = null;
  private mask = 0;
  private pairsChunk: Uint32Array | null = null;
  private pairsAt = 0;

  constructor(
    fields: EventFields,
    raw: string,
    via: ViaLink | null,
    readonly flags: RuleHit[],
  ) {
    this.id = fields.id;
    this.time = fields.time;
    this.eventName = fields.eventName;
    this.eventSource = fields.eventSource;
    this.service = fields.service;
    this.region = fields.region;
    this.sourceIPAddress = fields.sourceIPAddress;
    this.userAgent = fields.userAgent;
    this.identityType = fields.identityType;
    this.actor = fields.actor;
    this.arn = fields.arn;
    this.accountId = fields.accountId;
    this.accessKeyId = fields.accessKeyId;
    this.sessionIssuer = fields.sessionIssuer;
    this.readOnly = fields.readOnly;
    this.errorCode = fields.errorCode;
    this.errorMessage = fields.errorMessage;
    this.category = fields.category;
    this.resources = fields.resources;
    this.via = via;
    this.raw = raw;
    this.parseError = fields.parseError;
    this.flagged = flags.length > 0;
    this.severity = flags.length > 0 ? topSeverity(flags) : null;
  }

  get record(): CloudTrailRecord | null {
    return this.parseError !== null ? null : recordOf(this.id, this.raw);
  }

  /** The lower-cased search text, from the fields and the raw text's request parameters (no second parse). */
  get searchText(): string {
    if (this.text === null) {
      const text = buildSearchText(this, rawParametersText(this.raw));
      const room = newPairs();
      this.mask = fillSearchBits(text, room.chunk, room.at);
      this.pairsChunk = room.chunk;
      this.pairsAt = room.at;
      this.text = text;
    }
    return this.text;
  }

  /** The search text's charMask. */
  get searchMask(): number {
    if (this.text === null) void this.searchText;
    return this.mask;
  }

  /** The bitset of the search text's adjacent character pairs (see search-pairs.ts), as a copy. */
  get searchPairs(): Uint32Array {
    if (this.text === null) void this.searchText;
    return this.pairsChunk!.slice(this.pairsAt, this.pairsAt + pairWords);
  }

  /** Whether the search text holds every pair of `pairs`. */
  holdsSearchPairs(pairs: ReadonlyArray<readonly [number, number]>): boolean {
    if (this.text === null) void this.searchText;
    return holdsPairs(this.pairsChunk!, pairs, this.pairsAt);
  }
}
