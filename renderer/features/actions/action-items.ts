import type { ConsoleAction } from '../../../shared/console-actions/action';
import { groupActions } from '../../../shared/console-actions/group-actions';
import type { NormalizedEvent } from '../../../shared/records/types';

/** One line of the actions view: an action (with its events) or an event no action took. */
export type ActionItem = { kind: 'action'; action: ConsoleAction; events: NormalizedEvent[] } | { kind: 'event'; event: NormalizedEvent };

/** A visible row: an action's line, or an event (alone, or inside an expanded action). */
export type ActionViewRow = { kind: 'action'; item: Extract<ActionItem, { kind: 'action' }>; expanded: boolean } | { kind: 'event'; event: NormalizedEvent; inAction: boolean };

/**
 * Groups the table's rows into actions. The engine wants time order, the table keeps the
 * analyst's sort: each item takes the place of its first event in the table's order.
 */
export function actionItems(rows: readonly NormalizedEvent[]): ActionItem[] {
  const place = new Map<string, number>();
  rows.forEach((event, index) => place.set(event.id, index));
  const byTime = [...rows].sort((a, b) => (a.time || 0) - (b.time || 0));
  const { actions, ungrouped } = groupActions(byTime);
  const byId = new Map(rows.map((event) => [event.id, event]));
  const placed: Array<[number, ActionItem]> = [];
  for (const action of actions) {
    const events = action.eventIds.map((id) => byId.get(id)!).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
    placed.push([place.get(events[0]!.id)!, { kind: 'action', action, events }]);
  }
  for (const event of ungrouped) placed.push([place.get(event.id)!, { kind: 'event', event }]);
  placed.sort((a, b) => a[0] - b[0]);
  return placed.map(([, item]) => item);
}

/** The rows in view: each action's line, followed by its events when it is expanded. */
export function viewRows(items: readonly ActionItem[], expanded: ReadonlySet<string>): ActionViewRow[] {
  const out: ActionViewRow[] = [];
  for (const item of items) {
    if (item.kind === 'event') {
      out.push({ kind: 'event', event: item.event, inAction: false });
      continue;
    }
    const open = expanded.has(item.action.id);
    out.push({ kind: 'action', item, expanded: open });
    if (open) for (const event of item.events) out.push({ kind: 'event', event, inAction: true });
  }
  return out;
}
