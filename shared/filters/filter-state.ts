import { z } from 'zod';

/** Fields a filter chip can test, as the event table names them. */
export const filterFields = ['eventName', 'eventSource', 'region', 'sourceIPAddress', 'userAgent', 'errorCode', 'actor', 'identityType', 'resource', 'ruleId', 'severity'] as const;
/**
 * Every field a chip can hold: the picker's fields, `finding` (a finding of the analysis, set from
 * the "What stands out" panel) and `accessKeyId` (the keys of a node of the session graph).
 */
export const chipFields = [...filterFields, 'finding', 'accessKeyId'] as const;
export type FilterField = (typeof chipFields)[number];

/** Human names of the filter fields, for chips and pickers. */
export const filterFieldLabels: Record<FilterField, string> = {
  eventName: 'Event name',
  eventSource: 'Service',
  region: 'Region',
  sourceIPAddress: 'Source IP',
  userAgent: 'User agent',
  errorCode: 'Error',
  actor: 'Identity',
  identityType: 'Identity type',
  resource: 'Resource',
  ruleId: 'Rule',
  severity: 'Severity',
  finding: 'Finding',
  accessKeyId: 'Access key',
};

/** One filter chip: the field equals the value, or with `exclude`, does not. */
export const FilterChip = z.strictObject({
  field: z.enum(chipFields),
  value: z.string().max(2000),
  exclude: z.boolean().default(false),
});
export type FilterChip = z.infer<typeof FilterChip>;

/**
 * Everything that narrows the events on view. Chips on different fields combine with AND; chips
 * on the same field mean "any of these values" (an event has one value per field, so AND there
 * would always be empty). Exclusions always apply. Search, toggles and time range AND on top.
 */
export const FilterState = z.strictObject({
  chips: z.array(FilterChip).max(100).default([]),
  search: z.string().max(500).default(''),
  readWrite: z.enum(['all', 'read', 'write']).default('all'),
  errorsOnly: z.boolean().default(false),
  flaggedOnly: z.boolean().default(false),
  /** Milliseconds since the epoch, inclusive; null for the whole fetch. */
  timeRange: z.strictObject({ start: z.number(), end: z.number() }).nullable().default(null),
});
export type FilterState = z.infer<typeof FilterState>;

/** No filter at all. */
export const emptyFilters: FilterState = { chips: [], search: '', readWrite: 'all', errorsOnly: false, flaggedOnly: false, timeRange: null };

/** Adds a chip unless the same one is there already. */
export function addChip(state: FilterState, chip: FilterChip): FilterState {
  const exists = state.chips.some((c) => c.field === chip.field && c.value === chip.value && c.exclude === chip.exclude);
  return exists ? state : { ...state, chips: [...state.chips, chip] };
}

/** Removes one chip by position. */
export function removeChip(state: FilterState, index: number): FilterState {
  return { ...state, chips: state.chips.filter((_, i) => i !== index) };
}

/** Says whether any filter narrows the view. */
export function isFiltering(state: FilterState): boolean {
  return state.chips.length > 0 || state.search.trim() !== '' || state.readWrite !== 'all' || state.errorsOnly || state.flaggedOnly || state.timeRange !== null;
}
