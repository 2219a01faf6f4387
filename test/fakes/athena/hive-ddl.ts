/**
 * The part of Hive's DDL the fake Athena needs: a CREATE EXTERNAL TABLE's name, columns (STRING,
 * STRUCT<…>, ARRAY<…>, MAP<…>), partition columns, LOCATION and TBLPROPERTIES; each column type
 * as DuckDB spells it; and a CloudTrail record read into a row as Hive's JsonSerDe reads it
 * (keys matched case-insensitively, objects in a STRING column kept as their JSON text).
 */
export type HiveType =
  | { kind: 'string' }
  | { kind: 'struct'; fields: [string, HiveType][] }
  | { kind: 'array'; of: HiveType }
  | { kind: 'map'; key: HiveType; value: HiveType };

export interface HiveTable {
  database: string;
  table: string;
  columns: [string, HiveType][];
  partitions: string[];
  location: string;
  properties: Record<string, string>;
}

export class DdlError extends Error {}

function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_]+|`[^`]+`|[<>,:()]/g) ?? [];
}

/** Parses `name TYPE, name TYPE…` (a column list or a struct's fields with `:`). */
function parseColumns(list: string[], at: { i: number }, struct: boolean): [string, HiveType][] {
  const fields: [string, HiveType][] = [];
  for (;;) {
    const name = list[at.i++]?.replaceAll('`', '').toLowerCase();
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new DdlError(`a column name was expected, not ${JSON.stringify(name)}`);
    if (struct && list[at.i++] !== ':') throw new DdlError(`':' was expected after ${name}`);
    fields.push([name, parseType(list, at)]);
    if (list[at.i] !== ',') return fields;
    at.i += 1;
  }
}

function expect(list: string[], at: { i: number }, token: string): void {
  if (list[at.i++] !== token) throw new DdlError(`${JSON.stringify(token)} was expected, not ${JSON.stringify(list[at.i - 1])}`);
}

function parseType(list: string[], at: { i: number }): HiveType {
  const word = list[at.i++]?.toUpperCase();
  if (word === 'STRING') return { kind: 'string' };
  if (word === 'STRUCT') {
    expect(list, at, '<');
    const fields = parseColumns(list, at, true);
    expect(list, at, '>');
    return { kind: 'struct', fields };
  }
  if (word === 'ARRAY') {
    expect(list, at, '<');
    const of = parseType(list, at);
    expect(list, at, '>');
    return { kind: 'array', of };
  }
  if (word === 'MAP') {
    expect(list, at, '<');
    const key = parseType(list, at);
    expect(list, at, ',');
    const value = parseType(list, at);
    expect(list, at, '>');
    return { kind: 'map', key, value };
  }
  throw new DdlError(`unknown type ${JSON.stringify(word)}`);
}

/** A CREATE EXTERNAL TABLE statement; DdlError says what Athena would refuse. */
export function parseCreateTable(sql: string): HiveTable {
  const head = /^\s*CREATE\s+EXTERNAL\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`?([A-Za-z0-9_]+)`?\.`?([A-Za-z0-9_]+)`?\s*\(/i.exec(sql);
  if (!head) throw new DdlError('only CREATE EXTERNAL TABLE database.table (…) is served here');
  const body = sql.slice(head[0].length);
  const close = /\)\s*PARTITIONED\s+BY\s*\(([^)]*)\)/i.exec(body);
  if (!close) throw new DdlError('the table has no PARTITIONED BY');
  const list = tokens(body.slice(0, close.index));
  const at = { i: 0 };
  const columns = parseColumns(list, at, false);
  if (at.i !== list.length) throw new DdlError(`unexpected ${JSON.stringify(list[at.i])} in the column list`);
  const partitions = close[1]!.split(',').map((part) => part.trim().split(/\s+/)[0]!.replaceAll('`', '').toLowerCase());
  const location = /\bLOCATION\s+'([^']*)'/i.exec(body)?.[1];
  if (!location) throw new DdlError('the table has no LOCATION');
  const properties: Record<string, string> = {};
  const props = /\bTBLPROPERTIES\s*\(([\s\S]*)\)\s*;?\s*$/i.exec(body)?.[1] ?? '';
  for (const match of props.matchAll(/'([^']*)'\s*=\s*'([^']*)'/g)) properties[match[1]!] = match[2]!;
  return { database: head[1]!.toLowerCase(), table: head[2]!.toLowerCase(), columns, partitions, location, properties };
}

/** The column type as DuckDB spells it. */
export function duckType(type: HiveType): string {
  if (type.kind === 'string') return 'VARCHAR';
  if (type.kind === 'array') return `${duckType(type.of)}[]`;
  if (type.kind === 'map') return `MAP(${duckType(type.key)}, ${duckType(type.value)})`;
  return `STRUCT(${type.fields.map(([name, field]) => `"${name}" ${duckType(field)}`).join(', ')})`;
}

/** A JSON value read into a column of `type`, as Hive's JsonSerDe reads CloudTrail's records. */
export function serdeValue(type: HiveType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  if (type.kind === 'array') return Array.isArray(value) ? value.map((item) => serdeValue(type.of, item)) : null;
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (type.kind === 'map') return Object.fromEntries(entries.map(([key, item]) => [key, serdeValue(type.value, item)]));
  const byName = new Map(entries.map(([key, item]) => [key.toLowerCase(), item]));
  return Object.fromEntries(type.fields.map(([name, field]) => [name, serdeValue(field, byName.get(name))]));
}
