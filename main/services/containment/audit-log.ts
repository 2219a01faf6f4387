import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

import { readAuditLog } from '../../../shared/containment/audit';
import type { AuditEntry, AuditLog } from '../../../shared/containment/audit';
import { appendPrivateFileSync, ensurePrivateDirSync } from '../storage/private-files';

/** Entries as written: without the version and time, which the log adds. */
export type NewEntry = AuditEntry extends infer E ? (E extends AuditEntry ? Omit<E, 'v' | 'at'> : never) : never;

/** The audit log's folder (0700) and file (0600) under the data folder. */
export function auditLogPath(dataDir: string): string {
  return join(ensurePrivateDirSync(dataDir, 'containment'), 'audit.jsonl');
}

/** Whether the file ends inside a line (a write torn by a crash): the next entry starts a new line. */
function endsMidLine(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * The append-only audit log of every containment run and undo (promise 19). Each entry is one line
 * appended with its own write and fsync before the call it announces is sent, so a process killed
 * at any moment leaves every earlier line on disk; a line torn by the kill is skipped on reading.
 */
export function createAuditLog(dataDir: string, now: () => Date = () => new Date()) {
  const path = auditLogPath(dataDir);
  return {
    path,
    append(entry: NewEntry): void {
      const line = JSON.stringify({ v: 1, at: now().toISOString(), ...entry }) + '\n';
      appendPrivateFileSync(path, endsMidLine(path) ? '\n' + line : line);
    },
    read(): AuditLog {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] };
        throw error;
      }
      return readAuditLog(text);
    },
  };
}

export type AuditLogFile = ReturnType<typeof createAuditLog>;
