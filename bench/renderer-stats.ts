/**
 * Figures of the renderer benchmark over several runs: each figure's median (what the target is
 * held to) and its spread, so one lucky or unlucky run on a shared machine says nothing alone.
 */
import { loadavg } from 'node:os';

/** One run's figures. */
export interface RendererRun {
  interactiveMs: number;
  /** Until timeline and charts drew every event too (they follow the table in a deferred render). */
  overviewMs: number;
  searchMedianMs: number;
  searchMaxMs: number;
  searchOverviewMedianMs: number;
  searchOverviewMaxMs: number;
  brushRebucketMs: number;
  longestScrollFrameMs: number;
  heapMb: number;
  /** The renderer's own performance.measure entries of the data → table stage, by name. */
  stages: Record<string, number>;
}

export interface RendererFigures {
  eventCount: number;
  runs: RendererRun[];
  /** The 1-minute load average before the first run and after the last. */
  load: { before: number; after: number };
}

type Figure = Exclude<keyof RendererRun, 'stages'>;

const figures: Array<{ key: Figure; name: string; target: number; unit: string }> = [
  { key: 'interactiveMs', name: 'data → interactive table', target: 1500, unit: 'ms' },
  { key: 'overviewMs', name: 'data → timeline and charts drawn', target: 1500, unit: 'ms' },
  { key: 'searchMedianMs', name: 'search keystroke → table, median', target: 100, unit: 'ms' },
  { key: 'searchMaxMs', name: 'search keystroke → table, worst', target: 100, unit: 'ms' },
  { key: 'searchOverviewMedianMs', name: 'search keystroke → timeline+charts, median', target: 100, unit: 'ms' },
  { key: 'searchOverviewMaxMs', name: 'search keystroke → timeline+charts, worst', target: 100, unit: 'ms' },
  { key: 'brushRebucketMs', name: 'brush → re-bucketed timeline', target: 100, unit: 'ms' },
  { key: 'longestScrollFrameMs', name: 'longest frame while scrolling', target: 50, unit: 'ms' },
  { key: 'heapMb', name: 'JS heap after GC', target: 400, unit: 'MB' },
];

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const currentLoad = (): number => loadavg()[0]!;

const fixed = (value: number) => value.toFixed(value >= 100 ? 0 : 1);

/** Prints each figure's median, its spread (lowest–highest, and the runs in order) and its target. */
export function printRendererFigures(f: RendererFigures): void {
  console.log(`renderer, ${f.eventCount.toLocaleString('en')} events, Chromium, ${f.runs.length} run(s); load average ${f.load.before.toFixed(2)} before, ${f.load.after.toFixed(2)} after`);
  console.log(`${'figure'.padEnd(48)} ${'median'.padStart(8)}  ${'spread (low–high)'.padEnd(18)} target   runs`);
  for (const { key, name, target, unit } of figures) {
    const values = f.runs.map((run) => run[key]);
    const middle = median(values);
    const spread = `${fixed(Math.min(...values))}–${fixed(Math.max(...values))}`;
    const verdict = middle < target ? 'ok  ' : 'OVER';
    console.log(`${`${name} (${unit})`.padEnd(48)} ${fixed(middle).padStart(8)}  ${spread.padEnd(18)} < ${String(target).padEnd(5)} ${verdict} ${values.map(fixed).join(' ')}`);
  }
  const stageNames = [...new Set(f.runs.flatMap((run) => Object.keys(run.stages)))];
  if (stageNames.length > 0) {
    console.log('where data → table goes (renderer performance.measure, median ms over the runs):');
    for (const stage of stageNames) console.log(`  ${stage.padEnd(44)} ${fixed(median(f.runs.map((run) => run.stages[stage] ?? 0))).padStart(8)}`);
  }
}
