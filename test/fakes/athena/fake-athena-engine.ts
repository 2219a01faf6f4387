import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

import { DdlError, duckType, parseCreateTable, serdeValue } from './hive-ddl';
import type { HiveTable } from './hive-ddl';

/**
 * Athena's dialect, where DuckDB's differs, as macros: the query's own logic is run as written.
 * from_iso8601_timestamp and json_extract_scalar are Trino's; json_format renders a JSON value.
 */
const SHIMS = [
  'CREATE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)',
  'CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p)',
  'CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)',
];

/** The projection properties a CloudTrail table must carry (AWS's documented table). */
const PROJECTION = ['projection.enabled', 'projection.timestamp.type', 'projection.timestamp.format', 'projection.timestamp.range', 'projection.timestamp.interval', 'projection.timestamp.interval.unit', 'storage.location.template'];

export interface EngineTable extends HiveTable {
  /** Bytes per `timestamp` partition: the gzip size of that day's log file. */
  partitionBytes: Map<string, number>;
  createdAt: number;
}

export interface QueryOutcome {
  columns: string[];
  rows: (string | null)[][];
  statementType: 'DDL' | 'DML';
  scannedBytes: number;
  /** The partition days the query's bound selected, or null when it had none (a full scan). */
  partitionBound: [string, string] | null;
}

/** The day partition of a record, yyyy/MM/dd from its eventTime. */
const dayOf = (record: Record<string, unknown>) => String(record.eventTime ?? '').slice(0, 10).replaceAll('-', '/');

/**
 * A table's records with their partitions: those of `trails` under the day of their eventTime,
 * and those of `files` (log files by their s3:// URL) under the folder that holds them, as Athena
 * sees them (its `timestamp` is the delivery folder: a record written just before midnight sits
 * in the next day's partition).
 */
function partitionedRecords(location: string, trails: Record<string, Record<string, unknown>[]>, files: Record<string, Record<string, unknown>[]>) {
  const found = (trails[location] ?? []).map((record) => ({ record, day: dayOf(record) }));
  for (const [url, records] of Object.entries(files)) {
    const day = url.startsWith(location) ? /^(\d{4}\/\d{2}\/\d{2})\//.exec(url.slice(location.length))?.[1] : undefined;
    if (day) found.push(...records.map((record) => ({ record, day })));
  }
  return found;
}

/** A bound on `timestamp` in the text: BETWEEN 'a' AND 'b', = 'a', or >= 'a' AND <= 'b'. */
export function partitionBoundOf(sql: string): [string, string] | null {
  const between = /"timestamp"\s+BETWEEN\s+'([^']*)'\s+AND\s+'([^']*)'/i.exec(sql);
  if (between) return [between[1]!, between[2]!];
  const equal = /"timestamp"\s*=\s*'([^']*)'/i.exec(sql);
  if (equal) return [equal[1]!, equal[1]!];
  const [low, high] = [/"timestamp"\s*>=?\s*'([^']*)'/i.exec(sql), /"timestamp"\s*<=?\s*'([^']*)'/i.exec(sql)];
  return low && high ? [low[1]!, high[1]!] : null;
}

/** DuckDB behind the fake: tables of the documented shape over fixture records, and Athena's checks. */
export async function createEngine(trails: Record<string, Record<string, unknown>[]>, files: Record<string, Record<string, unknown>[]> = {}) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  for (const shim of SHIMS) await connection.run(shim);
  const tables = new Map<string, EngineTable>();
  const folder = mkdtempSync(join(tmpdir(), 'fake-athena-'));

  async function createTable(sql: string): Promise<QueryOutcome> {
    const table = parseCreateTable(sql);
    const name = `${table.database}.${table.table}`;
    if (tables.has(name)) throw new DdlError(`Table ${name} already exists`);
    const missing = PROJECTION.filter((key) => !(key in table.properties));
    if (missing.length) throw new DdlError(`the table's TBLPROPERTIES lack ${missing.join(', ')}`);
    if (!table.partitions.includes('timestamp') || !table.properties['storage.location.template']!.includes('${timestamp}'))
      throw new DdlError('the table is not partitioned on `timestamp` through storage.location.template');
    const records = partitionedRecords(table.location, trails, files);
    const rows = records.map(({ record, day }) => ({
      ...Object.fromEntries(table.columns.map(([column, type]) => [column, serdeValue(type, record[Object.keys(record).find((key) => key.toLowerCase() === column) ?? ''])])),
      timestamp: day,
    }));
    const file = join(folder, `${table.database}-${table.table}.ndjson`);
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    const types = [...table.columns.map(([column, type]) => `"${column}": '${duckType(type)}'`), `"timestamp": 'VARCHAR'`].join(', ');
    await connection.run(`CREATE SCHEMA IF NOT EXISTS "${table.database}"`);
    await connection.run(`CREATE TABLE "${table.database}"."${table.table}" AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {${types}})`);
    const byDay = new Map<string, string[]>();
    for (const { record, day } of records) byDay.set(day, [...(byDay.get(day) ?? []), JSON.stringify(record)]);
    const partitionBytes = new Map([...byDay].map(([day, texts]) => [day, gzipSync(`{"Records":[${texts.join(',')}]}`).length]));
    tables.set(name, { ...table, partitionBytes, createdAt: Date.now() });
    return { columns: [], rows: [], statementType: 'DDL', scannedBytes: 0, partitionBound: null };
  }

  /** What the query reads: each table it names, only the partitions within its bound. */
  function scannedBytes(sql: string, bound: [string, string] | null): number {
    let bytes = 0;
    for (const [name, table] of tables) {
      if (!new RegExp(`"?${table.database}"?\\."?${table.table}"?`, 'i').test(sql) && !sql.includes(name)) continue;
      for (const [day, size] of table.partitionBytes) if (!bound || (day >= bound[0] && day <= bound[1])) bytes += size;
    }
    return bytes;
  }

  return {
    tables,
    /** Runs one statement as Athena would: a DDL, or a SELECT on DuckDB with the shims. */
    async execute(sql: string): Promise<QueryOutcome> {
      if (/^\s*CREATE\s+EXTERNAL\s+TABLE/i.test(sql)) return createTable(sql);
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRows().map((row) => row.map((value) => (value === null || value === undefined ? null : String(value))));
      const bound = partitionBoundOf(sql);
      return { columns: reader.columnNames(), rows, statementType: 'DML', scannedBytes: scannedBytes(sql, bound), partitionBound: bound };
    },
    close(): void {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type FakeAthenaEngine = Awaited<ReturnType<typeof createEngine>>;
