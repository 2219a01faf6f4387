import type { ContainmentTicketEntry } from '../containment/ticket-section';
import type { NormalizedEvent } from '../records/types';
import { flagEvent } from '../rules/engine';
import type { RuleHit } from '../rules/types';
import { draftEnrichment } from './analysis-context';
import type { DraftAnalysis, DraftEnrichment } from './analysis-context';
import { collectFacts } from './facts';
import type { DraftFacts } from './facts';
import { inertText } from './inert-text';
import { suggestNextSteps } from './next-steps';
import { buildLabels, buildSummary, cleanSummary, suggestPriority } from './summary';
import { applyStoryEdits, cleanEdits } from '../story/edits';
import { buildStory, mergeNextSteps } from '../story/build-story';
import type { Story, StoryEdits } from '../story/types';
import type { PriorityName } from './summary';

/** One row of the draft's event table; every cell is inert text. */
export interface EventRow {
  eventId: string;
  time: string;
  eventName: string;
  service: string;
  region: string;
  sourceIP: string;
  resource: string;
  result: string;
}

/** The ticket draft: the analyst's words and the sections generated from the selected events. */
export interface TicketDraft {
  /** The summary to send: the analyst's when edited, otherwise the generated one. */
  summary: string;
  generatedSummary: string;
  analystText: string;
  labels: string[];
  priority: PriorityName;
  facts: DraftFacts;
  nextSteps: string[];
  rows: EventRow[];
  eventIds: string[];
  /** The findings naming selected events and the selected addresses' enrichment (empty without an analysis). */
  enrichment?: DraftEnrichment;
  /** "What happened" and the rest of the story, with the analyst's edits applied (shared/story). */
  story?: Story;
  /** The story before the analyst's edits, for the editor. */
  generatedStory?: Story;
  /** The containment runs and undos the analyst added (shared/containment), shown as the Containment section. */
  containment?: ContainmentTicketEntry[];
  /** The next steps that do not come from the story (the rule pack's and the draft's own). */
  otherSteps?: string[];
}

/** What the analyst wrote; a null summary means "use the generated one". */
export interface AnalystInput {
  summary?: string | null;
  analystText?: string;
  /** Story sentences the analyst dropped or reworded. */
  story?: StoryEdits | null;
  /** Containment runs and undos the analyst added to the ticket. */
  containment?: ContainmentTicketEntry[];
}

/** `2026-11-01T10:04:05Z`, or a note when CloudTrail gave no usable time. */
export function formatUtc(time: number): string {
  return Number.isFinite(time) ? new Date(time).toISOString().replace(/\.000Z$/, 'Z') : '(time not recorded)';
}

function rowOf(event: NormalizedEvent): EventRow {
  const cell = (value: string, max = 160) => inertText(value, max) || '—';
  return {
    eventId: event.id,
    time: formatUtc(event.time),
    eventName: event.record ? cell(event.eventName) : '(unparsed record)',
    service: cell(event.service),
    region: cell(event.region),
    sourceIP: cell(event.sourceIPAddress),
    // Two names say what a call was about (a user and the key created for it); the rest are in the Resources section.
    resource: cell(event.resources.slice(0, 2).join(', '), 200),
    result: event.errorCode ? cell(event.errorCode) : event.record ? 'Success' : '—',
  };
}

/**
 * Builds the draft from the selected events. Generated sections are derived data, so changing
 * the selection rebuilds them while the analyst's summary and text are kept as given.
 */
export function buildTicketDraft(
  events: readonly NormalizedEvent[],
  input: AnalystInput = {},
  flag: (event: NormalizedEvent) => RuleHit[] = flagEvent,
  analysis: DraftAnalysis | null = null,
): TicketDraft {
  const sorted = [...events].sort((a, b) => (a.time || 0) - (b.time || 0));
  // The facts and the story both ask for flags: each event's are computed once.
  const hitsOf = new WeakMap<NormalizedEvent, RuleHit[]>();
  const flagOnce = (event: NormalizedEvent): RuleHit[] => {
    let hits = hitsOf.get(event);
    if (!hits) hitsOf.set(event, (hits = flag(event)));
    return hits;
  };
  const facts = collectFacts(sorted, flagOnce);
  const generatedStory = buildStory(sorted, { flag: flagOnce, analysis });
  const generatedSummary = generatedStory.title || buildSummary(facts);
  // The table shows flagged events first (in time order), then the rest.
  const flaggedIds = new Set(facts.flagged.map((event) => event.eventId));
  const rowOrder = [...sorted.filter((event) => flaggedIds.has(event.id)), ...sorted.filter((event) => !flaggedIds.has(event.id))];
  const edited = input.summary?.trim() ? cleanSummary(input.summary) : null;
  const draft: TicketDraft = {
    summary: edited ?? generatedSummary,
    generatedSummary,
    analystText: input.analystText ?? '',
    labels: buildLabels(facts),
    priority: suggestPriority(facts.highestSeverity),
    facts,
    nextSteps: [],
    rows: rowOrder.map(rowOf),
    eventIds: sorted.map((event) => event.id),
    enrichment: draftEnrichment(sorted, analysis),
    generatedStory,
    ...(input.containment?.length ? { containment: input.containment } : {}),
  };
  return withStoryEdits({ ...draft, otherSteps: suggestNextSteps(sorted, facts) }, input.story);
}

/** The draft with the analyst's story edits applied (cheap: the rules do not run again). */
export function withStoryEdits(draft: TicketDraft, edits: StoryEdits | null | undefined): TicketDraft {
  const others = draft.otherSteps ?? draft.nextSteps;
  if (!draft.generatedStory) return draft;
  const story = applyStoryEdits(draft.generatedStory, cleanEdits(edits));
  return { ...draft, story, nextSteps: mergeNextSteps(story, others).slice(0, 20) };
}
