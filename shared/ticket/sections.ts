import { data, label, nonEmpty, words } from './blocks';
import type { Block, Span } from './blocks';
import type { TicketDraft } from './draft';
import { formatUtc } from './draft';
import type { Tally } from './facts';
import { inertText } from './inert-text';
import { rulePack } from '../rules/rule-pack';
import { findingsSection, sourcesSection } from './analysis-sections';
import { storyBlocks } from '../story/story-blocks';
import { containmentSection } from '../containment/ticket-section';

/**
 * How much of each list the description holds. Jira refuses a description over 32,767
 * characters, so the ADF renderer steps down these levels until the document fits; every event
 * is in the attached file anyway.
 */
export interface SectionLimits {
  tableRows: number;
  listed: number;
  flagged: number;
  failed: number;
  analystChars: number;
}

export const fullLimits: SectionLimits = { tableRows: 100, listed: 15, flagged: 30, failed: 20, analystChars: 100_000 };

/** Smaller and smaller limits, tried in order when a description is too long. */
export const shrinkingLimits: SectionLimits[] = [
  fullLimits,
  { tableRows: 50, listed: 15, flagged: 30, failed: 20, analystChars: 20_000 },
  { tableRows: 30, listed: 10, flagged: 15, failed: 10, analystChars: 10_000 },
  { tableRows: 20, listed: 5, flagged: 10, failed: 5, analystChars: 5_000 },
  { tableRows: 10, listed: 3, flagged: 5, failed: 3, analystChars: 3_000 },
  { tableRows: 0, listed: 3, flagged: 3, failed: 0, analystChars: 2_000 },
];

function tallyItems(values: Tally, max: number): Span[][] {
  const items = values.slice(0, max).map((entry) => [data(inertText(entry.value, 200)), words(` (${entry.count})`)]);
  if (values.length > max) items.push([words(`and ${values.length - max} more`)]);
  return items;
}

function field(name: string, values: Tally): Span[] | null {
  if (values.length === 0) return null;
  const shown = values
    .slice(0, 5)
    .map((entry) => inertText(entry.value, 200))
    .join(', ');
  return [label(`${name}: `), data(shown), words(values.length > 5 ? ` and ${values.length - 5} more` : '')];
}

function who(draft: TicketDraft): Block[] {
  const { identity } = draft.facts;
  const items = [
    field('Identity', identity.actors),
    field('Identity type', identity.types),
    field('ARN', identity.arns),
    field('Account', identity.accounts),
    field('Sessions', identity.sessions),
    field('Access keys', identity.accessKeys),
  ].filter((item): item is Span[] => item !== null);
  return [
    { type: 'heading', text: 'Who' },
    items.length ? { type: 'bullets', items: items.map(nonEmpty) } : { type: 'paragraph', spans: [words('No identity was recorded.')] },
  ];
}

function what(draft: TicketDraft, limits: SectionLimits): Block[] {
  const { facts } = draft;
  const c = facts.byCategory;
  const blocks: Block[] = [
    { type: 'heading', text: 'What' },
    {
      type: 'paragraph',
      spans: [
        words(
          `${facts.total} event${facts.total === 1 ? '' : 's'}: ${c.read} read, ${c.write} write, ${c.error} failed (${facts.accessDenied} access denied).`,
        ),
      ],
    },
  ];
  if (facts.unparsed > 0)
    blocks.push({
      type: 'paragraph',
      spans: [words(`${facts.unparsed} record(s) could not be parsed; they are in the attached file exactly as received.`)],
    });
  if (facts.byService.length)
    blocks.push(
      { type: 'paragraph', spans: [label('By service')] },
      { type: 'bullets', items: tallyItems(facts.byService, limits.listed) },
    );
  if (facts.flagged.length) {
    const items = facts.flagged
      .slice(0, limits.flagged)
      .flatMap((event) =>
        event.hits.map((hit) => [
          label(`${hit.severity.toUpperCase()} ${inertText(hit.title, 120)}: `),
          data(inertText(event.eventName, 120)),
          words(` at ${formatUtc(event.time)}. `),
          data(inertText(hit.reason, 400)),
        ]),
      );
    if (facts.flagged.length > limits.flagged) items.push([words(`and ${facts.flagged.length - limits.flagged} more flagged events`)]);
    blocks.push(
      { type: 'paragraph', spans: [label('Flagged events')] },
      { type: 'bullets', items: items.map(nonEmpty) },
      // Which rules raised the flags, so a reader can trace each one (see shared/rules).
      { type: 'paragraph', spans: [words(`Flags raised by the Trailcase rule pack ${rulePack.version}.`)] },
    );
  }
  if (facts.failed.length) {
    const items = facts.failed
      .slice(0, limits.failed)
      .map((event) =>
        nonEmpty([
          data(inertText(event.eventName, 120)),
          words(` at ${formatUtc(event.time)}: `),
          data(inertText(event.errorCode, 120)),
          words(event.errorMessage ? ' — ' : ''),
          data(inertText(event.errorMessage, 300)),
        ]),
      );
    if (facts.failed.length > limits.failed)
      items.push([
        words(
          `${limits.failed ? 'and ' : ''}${facts.failed.length - limits.failed} ${limits.failed ? 'more' : 'failed events, listed in the attached file'}`,
        ),
      ]);
    blocks.push({ type: 'paragraph', spans: [label('Errors and access denied')] }, { type: 'bullets', items });
  }
  return blocks;
}

/** What the events touched, by kind; left out when no event names a resource. */
function resourcesSection(draft: TicketDraft, limits: SectionLimits): Block[] {
  const { resources } = draft.facts;
  if (resources.length === 0) return [];
  const items = resources
    .slice(0, limits.listed)
    .map((resource) =>
      nonEmpty([
        label(`${resource.kind}: `),
        data(inertText(resource.name, 200)),
        words(resource.count > 1 ? ` (${resource.count} events)` : ''),
      ]),
    );
  if (resources.length > limits.listed) items.push([words(`and ${resources.length - limits.listed} more`)]);
  return [
    { type: 'heading', text: 'Resources named in the events' },
    { type: 'bullets', items },
  ];
}

function when(draft: TicketDraft): Block[] {
  const { first, last } = draft.facts;
  const text =
    first === null || last === null
      ? 'No event carried a usable time.'
      : `First event ${formatUtc(first)}, last event ${formatUtc(last)} (UTC).`;
  return [
    { type: 'heading', text: 'When' },
    { type: 'paragraph', spans: [words(text)] },
  ];
}

function where(draft: TicketDraft, limits: SectionLimits): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: 'Where' }];
  // With an analysis, the addresses get a section of their own, with their enrichment.
  const enriched = draft.enrichment?.sources.length ?? 0;
  const lists: Array<[string, Tally]> = [
    ['Source IP addresses', enriched ? [] : draft.facts.sourceIPs],
    ['User agents', draft.facts.userAgents],
    ['Regions', draft.facts.regions],
  ];
  for (const [name, values] of lists) {
    if (values.length)
      blocks.push({ type: 'paragraph', spans: [label(name)] }, { type: 'bullets', items: tallyItems(values, limits.listed) });
  }
  if (blocks.length === 1 && !enriched)
    blocks.push({ type: 'paragraph', spans: [words('No source address, user agent or region was recorded.')] });
  return blocks;
}

function analystNotes(draft: TicketDraft, limits: SectionLimits): Block[] {
  const text =
    draft.analystText.length > limits.analystChars
      ? `${draft.analystText.slice(0, limits.analystChars)}… (cut to fit Jira's limit)`
      : draft.analystText;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return [];
  return [
    { type: 'heading', text: 'Analyst notes' },
    ...paragraphs.map((text): Block => ({ type: 'paragraph', spans: [{ kind: 'prose', text }] })),
  ];
}

function eventTable(draft: TicketDraft, limits: SectionLimits): Block[] {
  if (limits.tableRows === 0)
    return [
      { type: 'heading', text: 'Events' },
      { type: 'paragraph', spans: [words(`${draft.rows.length} events; all are in the attached file.`)] },
    ];
  const rows = draft.rows
    .slice(0, limits.tableRows)
    .map((row) => [row.time, row.eventName, row.service, row.region, row.sourceIP, row.resource, row.result]);
  const blocks: Block[] = [
    { type: 'heading', text: 'Events' },
    { type: 'table', header: ['Time (UTC)', 'Event', 'Service', 'Region', 'Source IP', 'Resource', 'Result'], rows },
  ];
  if (draft.rows.length > limits.tableRows)
    blocks.push({
      type: 'paragraph',
      spans: [words(`The first ${limits.tableRows} of ${draft.rows.length} events are listed; all are in the attached file.`)],
    });
  return blocks;
}

/** The description of the issue as blocks, in reading order. */
export function draftBlocks(draft: TicketDraft, limits: SectionLimits = fullLimits): Block[] {
  const steps: Block[] = draft.nextSteps.length
    ? [
        { type: 'heading', text: 'Suggested next steps' },
        { type: 'bullets', items: draft.nextSteps.map((step) => [data(step)]) },
      ]
    : [];
  // The story opens the description; its next steps follow it, before the details.
  return [
    ...(draft.story ? storyBlocks(draft.story) : []),
    ...steps,
    ...containmentSection(draft.containment ?? []),
    ...analystNotes(draft, limits),
    ...(draft.enrichment ? findingsSection(draft.enrichment, limits.listed) : []),
    ...who(draft),
    ...what(draft, limits),
    ...resourcesSection(draft, limits),
    ...when(draft),
    ...where(draft, limits),
    ...(draft.enrichment ? sourcesSection(draft.enrichment, limits.listed) : []),
    ...eventTable(draft, limits),
  ];
}
