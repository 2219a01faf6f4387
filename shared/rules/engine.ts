import type { NormalizedEvent } from '../records/types';
import { compileCondition, eventNamesOf, firstPresentAt, pathParts } from './condition';
import type { CompiledCondition } from './condition';
import type { RiskRule, RulePack } from './rule';
import { rulePack } from './rule-pack';
import type { RuleHit, Severity } from './types';

/** How long one field value may be inside a reason: reasons are one line, values are untrusted. */
const maxValueLength = 120;

/** A reason template split once: literal text, and for each placeholder its alternative paths (each split at its dots). */
type ReasonPart = string | ReadonlyArray<readonly string[]>;

const templates = new Map<string, readonly ReasonPart[]>();

function partsOfTemplate(template: string): readonly ReasonPart[] {
  let parts = templates.get(template);
  if (!parts) {
    const built: ReasonPart[] = [];
    let last = 0;
    for (const match of template.matchAll(/\{([\w.|-]+)\}/g)) {
      built.push(template.slice(last, match.index), match[1]!.split('|').map(pathParts));
      last = match.index + match[0].length;
    }
    built.push(template.slice(last));
    parts = built;
    templates.set(template, parts);
  }
  return parts;
}

/** The first present value among alternative paths, shortened to one line. */
function describeValue(record: unknown, paths: ReadonlyArray<readonly string[]>): string {
  let value: unknown;
  for (const path of paths) if ((value = firstPresentAt(record, path)) !== undefined) break;
  if (value === undefined) return '(not recorded)';
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text;
}

/** Fills a reason template's `{path}` or `{path|other.path}` placeholders with the record's values. */
export function renderReason(template: string, record: unknown): string {
  let text = '';
  for (const part of partsOfTemplate(template)) text += typeof part === 'string' ? part : describeValue(record, part);
  return text;
}

function hitOf(rule: RiskRule, record: unknown): RuleHit {
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    reason: renderReason(rule.reason, record),
    nextStep: rule.nextStep,
    attack: [...rule.attack],
  };
}

const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Orders hits most severe first (stable for equal severities). */
export function bySeverity(a: RuleHit, b: RuleHit): number {
  return severityRank[b.severity] - severityRank[a.severity];
}

/** A pack prepared for evaluation: compiled conditions, and per event name the rules that can match it. */
interface PreparedPack {
  compiled: Map<RiskRule, CompiledCondition>;
  /** Rules that name no event, in pack order (they apply to every event). */
  anyName: RiskRule[];
  /** Rules that name events, by name. */
  named: Map<string, Set<RiskRule>>;
  /** Per event name, the candidate rules in pack order (filled as names are met). */
  byName: Map<string, RiskRule[]>;
}

const prepared = new WeakMap<RulePack, PreparedPack>();

function prepare(pack: RulePack): PreparedPack {
  let ready = prepared.get(pack);
  if (!ready) {
    ready = { compiled: new Map(), anyName: [], named: new Map(), byName: new Map() };
    for (const rule of pack.rules) {
      ready.compiled.set(rule, compileCondition(rule.when));
      const names = eventNamesOf(rule.when);
      if (!names) ready.anyName.push(rule);
      else for (const name of names) ready.named.set(name, (ready.named.get(name) ?? new Set()).add(rule));
    }
    prepared.set(pack, ready);
  }
  return ready;
}

function candidatesFor(pack: RulePack, ready: PreparedPack, eventName: string): RiskRule[] {
  let rules = ready.byName.get(eventName);
  if (!rules) {
    const named = ready.named.get(eventName);
    rules = named ? pack.rules.filter((rule) => named.has(rule) || ready.anyName.includes(rule)) : ready.anyName;
    ready.byName.set(eventName, rules);
  }
  return rules;
}

/** Evaluates a pack's rules on one event (only those that can match its name); an unparseable record matches nothing. */
export function flagEventWith(pack: RulePack, event: NormalizedEvent): RuleHit[] {
  const record = event.record;
  if (!record) return [];
  const ready = prepare(pack);
  const candidates = candidatesFor(pack, ready, typeof record.eventName === 'string' ? record.eventName : '');
  let hits: RuleHit[] | null = null;
  for (const rule of candidates) {
    if (ready.compiled.get(rule)!(record)) (hits ??= []).push(hitOf(rule, record));
  }
  if (!hits) return [];
  return hits.length > 1 ? hits.sort(bySeverity) : hits;
}

/** The risk flags of one event under the built-in rule pack, most severe first, each saying why. */
export function flagEvent(event: NormalizedEvent): RuleHit[] {
  return flagEventWith(rulePack, event);
}

/** The highest severity among hits, or null when there are none. */
export function topSeverity(hits: readonly RuleHit[]): Severity | null {
  let top: Severity | null = null;
  for (const hit of hits) if (top === null || severityRank[hit.severity] > severityRank[top]) top = hit.severity;
  return top;
}
