/**
 * A small, data-only condition language over CloudTrail record fields. Rules are written as
 * plain objects (no functions), so a rule pack can be versioned, reviewed, serialised and tested
 * as data. Field paths are dot-separated (`requestParameters.policyArn`); through an array every
 * element is tried, so `resources.type` matches when any resource has that type.
 */
export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { field: string; equals: string | number | boolean }
  | { field: string; oneOf: readonly string[] }
  | { field: string; startsWith: string }
  | { field: string; endsWith: string }
  /** A string value, or any string anywhere below an object value, contains the text. */
  | { field: string; includes: string }
  | { field: string; exists: boolean }
  /** The field's value equals another field's value (both strings). */
  | { field: string; equalsField: string }
  /** The field's string value equals the last part (after the last `/` or `:`) of a string at another field: a user name against an ARN's session or user name. */
  | { field: string; equalsLastPartOf: string }
  /** A string value matches the regular expression (`flags` such as `i`). Patterns must not backtrack badly: values are untrusted. */
  | { field: string; matches: string; flags?: string }
  /** A number, or a string holding one, is at least / at most the bound. */
  | { field: string; atLeast: number }
  | { field: string; atMost: number }
  /** At least this many values sit at the path (array elements counted one by one). */
  | { field: string; countAtLeast: number }
  /** Some value at the path, taken as the root, passes the inner condition (ties fields of one array element together). */
  | { field: string; some: Condition }
  /** The value, or the JSON document a string value holds (policy documents are logged as strings), passes the inner condition. */
  | { field: string; json: Condition }
  /**
   * Some string at or below the field names a 12-digit AWS account other than the one at
   * `otherThan` (first present of `a|b` paths): a policy or share that reaches another account.
   */
  | { field: string; namesAccountOtherThan: string };

/** Deep searches stop here: records are untrusted and may be nested thousands of levels deep. */
const maxDepth = 32;

/** Policy documents longer than this are not parsed (CloudTrail truncates larger ones anyway). */
const maxJsonLength = 131_072;

const isPresent = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Split paths, cached: rules are evaluated millions of times over the same few paths. */
const splitPaths = new Map<string, readonly string[]>();

function partsOf(path: string): readonly string[] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = path.split('.');
    splitPaths.set(path, parts);
  }
  return parts;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether any value at the path passes the test, walking through arrays, without building
 * intermediate lists (this runs for every rule on every event). Only own properties are read,
 * so `__proto__` or `constructor` in a path never reaches Object.prototype.
 */
function someValueAt(value: unknown, parts: readonly string[], index: number, test: (value: unknown) => boolean, depth = 0): boolean {
  for (;;) {
    if (Array.isArray(value)) {
      if (depth >= maxDepth) return false;
      for (const item of value) if (someValueAt(item, parts, index, test, depth + 1)) return true;
      return false;
    }
    if (index === parts.length) return test(value);
    if (value === null || typeof value !== 'object') return false;
    const key = parts[index]!;
    if (!hasOwn.call(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
    index += 1;
  }
}

/** The values at a path (through arrays, own properties only), for showing what matched. */
export function valuesAt(root: unknown, path: string): unknown[] {
  const found: unknown[] = [];
  someValueAt(root, partsOf(path), 0, (value) => {
    found.push(value);
    return false;
  });
  return found;
}

/** A path split at its dots (cached), for callers that walk the same path many times. */
export function pathParts(path: string): readonly string[] {
  return partsOf(path);
}

/** The first present (not null, not empty) value at a path, or undefined: what a reason shows. */
export function firstPresentAt(root: unknown, path: string | readonly string[]): unknown {
  let found: unknown;
  someValueAt(root, typeof path === 'string' ? partsOf(path) : path, 0, (value) => {
    if (!isPresent(value)) return false;
    found = value;
    return true;
  });
  return found;
}

/** Whether some string at or below the value passes the test (depth-limited). */
function someText(value: unknown, test: (text: string) => boolean, depth: number): boolean {
  if (typeof value === 'string') return test(value);
  if (value === null || typeof value !== 'object' || depth > maxDepth) return false;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return children.some((child) => someText(child, test, depth + 1));
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** A JSON document held in a string (plain or URL-encoded), or the value itself when it is already an object. */
function documentOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.length > maxJsonLength) return undefined;
  const trimmed = value.trimStart();
  const text = trimmed.startsWith('%') ? safeDecode(trimmed) : trimmed;
  if (text === undefined || !/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const accountPattern = /(?<![\d])\d{12}(?![\d])/g;

/** Whether some text names a 12-digit account number that is not one of `own`. */
function namesOtherAccount(text: string, own: readonly unknown[]): boolean {
  for (const match of text.matchAll(accountPattern)) if (!own.includes(match[0])) return true;
  return false;
}

/** How many distinct values a memoised test remembers, and how long a value it remembers. */
const memoLimit = 4_096;
const memoMaxLength = 1_024;

/**
 * A string test remembered per distinct value: fields such as the user agent repeat across
 * thousands of events, and a regular expression over each is the engine's costliest step.
 * The answer is the test's own; non-strings fail, as before.
 */
function memoisedTest(test: (value: string) => boolean): (value: unknown) => boolean {
  const known = new Map<string, boolean>();
  return (value) => {
    if (typeof value !== 'string') return false;
    let answer = known.get(value);
    if (answer === undefined) {
      answer = test(value);
      if (value.length <= memoMaxLength && known.size < memoLimit) known.set(value, answer);
    }
    return answer;
  };
}

/** A condition turned into a function, built once per rule and reused for every event. */
export type CompiledCondition = (record: unknown) => boolean;

type FieldCondition = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

function compileTest(condition: FieldCondition): (value: unknown) => boolean {
  if ('exists' in condition) return isPresent;
  if ('equals' in condition) return (value) => value === condition.equals;
  if ('oneOf' in condition) {
    const set = new Set(condition.oneOf);
    return (value) => typeof value === 'string' && set.has(value);
  }
  if ('startsWith' in condition) return (value) => typeof value === 'string' && value.startsWith(condition.startsWith);
  if ('endsWith' in condition) return (value) => typeof value === 'string' && value.endsWith(condition.endsWith);
  if ('includes' in condition) {
    const contains = (text: string) => text.includes(condition.includes);
    return (value) => someText(value, contains, 0);
  }
  if ('matches' in condition) {
    const pattern = new RegExp(condition.matches, (condition.flags ?? '').replace(/[gy]/g, ''));
    return memoisedTest((value) => pattern.test(value));
  }
  if ('atLeast' in condition) return (value) => numberOf(value) >= condition.atLeast;
  if ('atMost' in condition) return (value) => numberOf(value) <= condition.atMost;
  if ('some' in condition) {
    const inner = compileCondition(condition.some);
    return (value) => inner(value);
  }
  if ('json' in condition) {
    const inner = compileCondition(condition.json);
    return (value) => {
      const document = documentOf(value);
      return document !== undefined && document !== null && inner(document);
    };
  }
  return () => false;
}

function compileField(condition: FieldCondition): CompiledCondition {
  const parts = partsOf(condition.field);
  if ('equalsField' in condition) {
    return (record) => {
      const others = valuesAt(record, condition.equalsField);
      return someValueAt(record, parts, 0, (value) => typeof value === 'string' && others.includes(value));
    };
  }
  if ('equalsLastPartOf' in condition) {
    return (record) => {
      const lastParts = valuesAt(record, condition.equalsLastPartOf).flatMap((value) => (typeof value === 'string' ? [value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf(':')) + 1)] : []));
      return lastParts.length > 0 && someValueAt(record, parts, 0, (value) => typeof value === 'string' && value !== '' && lastParts.includes(value));
    };
  }
  if ('namesAccountOtherThan' in condition) {
    const ownPaths = condition.namesAccountOtherThan.split('|');
    return (record) => {
      const own = ownPaths.map((path) => valuesAt(record, path).find(isPresent)).find(isPresent);
      if (typeof own !== 'string') return false;
      return someValueAt(record, parts, 0, (value) => someText(typeof value === 'number' ? String(value) : value, (text) => namesOtherAccount(text, [own]), 0));
    };
  }
  if ('countAtLeast' in condition) {
    return (record) => {
      let count = 0;
      return someValueAt(record, parts, 0, () => ++count >= condition.countAtLeast);
    };
  }
  const test = compileTest(condition);
  if ('exists' in condition) return (record) => someValueAt(record, parts, 0, test) === condition.exists;
  return (record) => someValueAt(record, parts, 0, test);
}

/** Compiles a condition: paths split and tests built once, so evaluating allocates nothing. */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (record) => {
      for (const part of parts) if (!part(record)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (record) => {
      for (const part of parts) if (part(record)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (record) => !inner(record);
  }
  return compileField(condition);
}

/** Evaluates a condition against one record (compiling it each time; engines keep the compiled form). */
export function matches(condition: Condition, record: unknown): boolean {
  return compileCondition(condition)(record);
}

/**
 * The event names a condition can match at most, or null when it may match any. Lets the
 * engine skip, for each event, every rule that names other events.
 */
export function eventNamesOf(condition: Condition): ReadonlySet<string> | null {
  if ('all' in condition) {
    for (const part of condition.all) {
      const names = eventNamesOf(part);
      if (names) return names;
    }
    return null;
  }
  if ('any' in condition) {
    const union = new Set<string>();
    for (const part of condition.any) {
      const names = eventNamesOf(part);
      if (!names) return null;
      names.forEach((name) => union.add(name));
    }
    return union;
  }
  if ('field' in condition && condition.field === 'eventName') {
    if ('oneOf' in condition) return new Set(condition.oneOf);
    if ('equals' in condition && typeof condition.equals === 'string') return new Set([condition.equals]);
  }
  return null;
}
