import { describe, expect, it } from 'vitest';

import { readAuditLog, uncertainCalls } from '../../../shared/containment/audit';
import type { AuditEntry } from '../../../shared/containment/audit';
import { planContainment } from '../../../shared/containment/plan';

const plan = planContainment(
  { kind: 'user', name: 'jmorales', uniqueId: 'AIDAEXAMPLE000000001', arn: 'arn:aws:iam::111122223333:user/jmorales' },
  { actions: ['deactivate-keys'] },
  { accessKeys: [{ accessKeyId: 'AKIAEXAMPLE000000001', status: 'Active' }] },
  '2026-12-02T04:30:00.000Z',
);
const at = '2026-12-02T04:30:01.000Z';
const call = plan.actions[0]!.calls[0]!;
const lines = (entries: AuditEntry[]) => entries.map((entry) => JSON.stringify(entry) + '\n').join('');

describe('the audit log read back', () => {
  it('tells a finished run: each call answered, the checks, the end', () => {
    const text = lines([
      { v: 1, id: 'c1', at, type: 'begin', kind: 'run', profile: 'ir', plan },
      { v: 1, id: 'c1', at, type: 'intent', seq: 1, call },
      { v: 1, id: 'c1', at, type: 'result', seq: 1, ok: true },
      { v: 1, id: 'c1', at, type: 'verify', checks: [{ action: 'deactivate-keys', ok: true, detail: 'reads Inactive' }] },
      { v: 1, id: 'c1', at, type: 'end', status: 'done' },
    ]);
    const { records, unreadable } = readAuditLog(text);
    expect(unreadable).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.status).toBe('done');
    expect(records[0]!.calls[0]!.outcome).toBe('ok');
  });

  it('names the call that may have happened when a run stopped between intent and result, a torn last line included', () => {
    const text = lines([
      { v: 1, id: 'c1', at, type: 'begin', kind: 'run', profile: 'ir', plan },
      { v: 1, id: 'c1', at, type: 'intent', seq: 1, call },
    ]) + '{"v":1,"id":"c1","at":"2026-12-02T04:3';
    const { records, unreadable } = readAuditLog(text);
    expect(unreadable).toEqual([3]);
    expect(records[0]!.status).toBe('interrupted');
    expect(uncertainCalls(records[0]!).map((c) => c.call)).toEqual([call]);
  });

  it('links an undo to the run it undid, and skips a line that is JSON but not an entry', () => {
    const text = lines([
      { v: 1, id: 'c1', at, type: 'begin', kind: 'run', profile: 'ir', plan },
      { v: 1, id: 'c1', at, type: 'end', status: 'done' },
      { v: 1, id: 'u1', at, type: 'begin', kind: 'undo', undoOf: 'c1', profile: 'ir', plan },
    ]) + '{"type":"begin"}\n';
    const { records, unreadable } = readAuditLog(text);
    expect(records.find((r) => r.id === 'c1')!.undoneBy).toBe('u1');
    expect(unreadable).toEqual([4]);
  });
});
