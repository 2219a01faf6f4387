import { z } from 'zod';

import { CallErrorSchema, ContainmentPlanSchema, IamCallSchema, VerificationCheckSchema } from './schemas';

/**
 * The audit log: one JSON object a line, appended and forced to disk. A run writes `begin` (the
 * plan and the before-state), then for each call an `intent` before sending it and a `result`
 * after, then `verify` and `end`. A crash between an intent and its result leaves a log that
 * names the call that may have happened.
 */
const base = { v: z.literal(1), id: z.string(), at: z.string() };

export const AuditEntrySchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('begin'),
    kind: z.enum(['run', 'undo']),
    undoOf: z.string().optional(),
    profile: z.string(),
    plan: ContainmentPlanSchema,
  }),
  z.object({ ...base, type: z.literal('intent'), seq: z.number(), call: IamCallSchema }),
  z.object({ ...base, type: z.literal('result'), seq: z.number(), ok: z.boolean(), error: CallErrorSchema.optional() }),
  z.object({ ...base, type: z.literal('verify'), checks: z.array(VerificationCheckSchema) }),
  z.object({ ...base, type: z.literal('end'), status: z.enum(['done', 'failed', 'refused']), message: z.string().optional() }),
]);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type BeginEntry = Extract<AuditEntry, { type: 'begin' }>;

/** A call of a run as the log tells it: sent and answered, refused by AWS, or unknown (no result). */
export interface LoggedCall {
  seq: number;
  call: z.infer<typeof IamCallSchema>;
  outcome: 'ok' | 'failed' | 'unknown';
  error?: z.infer<typeof CallErrorSchema>;
}

/** One run (or undo) read back from the log. */
export interface AuditRecord {
  id: string;
  begin: BeginEntry;
  calls: LoggedCall[];
  checks: z.infer<typeof VerificationCheckSchema>[];
  /** `interrupted`: no end line; the calls marked unknown may or may not have happened. */
  status: 'done' | 'failed' | 'refused' | 'interrupted';
  message?: string;
  /** The id of the undo that followed, if one began. */
  undoneBy?: string;
}

export interface AuditLog {
  records: AuditRecord[];
  /** Lines that could not be read (a torn last line after a crash, or damage), by line number. */
  unreadable: number[];
}

/** Reads the log's text: every whole line that parses, a torn or damaged line counted, never fatal. */
export function readAuditLog(text: string): AuditLog {
  const unreadable: number[] = [];
  const byId = new Map<string, AuditRecord>();
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      unreadable.push(index + 1);
      return;
    }
    const entry = AuditEntrySchema.safeParse(parsed);
    if (!entry.success) return void unreadable.push(index + 1);
    addEntry(byId, entry.data);
  });
  for (const record of byId.values()) {
    if (record.begin.undoOf) {
      const original = byId.get(record.begin.undoOf);
      if (original) original.undoneBy = record.id;
    }
  }
  return { records: [...byId.values()], unreadable };
}

function addEntry(byId: Map<string, AuditRecord>, entry: AuditEntry): void {
  if (entry.type === 'begin') {
    byId.set(entry.id, { id: entry.id, begin: entry, calls: [], checks: [], status: 'interrupted' });
    return;
  }
  const record = byId.get(entry.id);
  if (!record) return;
  switch (entry.type) {
    case 'intent':
      record.calls.push({ seq: entry.seq, call: entry.call, outcome: 'unknown' });
      return;
    case 'result': {
      const call = record.calls.find((c) => c.seq === entry.seq);
      if (!call) return;
      call.outcome = entry.ok ? 'ok' : 'failed';
      if (entry.error) call.error = entry.error;
      return;
    }
    case 'verify':
      record.checks = entry.checks;
      return;
    case 'end':
      record.status = entry.status;
      if (entry.message !== undefined) record.message = entry.message;
  }
}

/** In words, what an interrupted record may have done: the calls sent with no answer logged. */
export function uncertainCalls(record: AuditRecord): LoggedCall[] {
  return record.calls.filter((call) => call.outcome === 'unknown');
}
