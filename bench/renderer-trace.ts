/**
 * Chromium's trace (CDP Tracing) of one benchmark stage, summed by what the renderer's main
 * thread did: script, style, layout, paint, layerization and commit, garbage collection. A CPU
 * profile names functions but lumps the browser's own work into "(program)"; this names it.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string; elementCount?: number; beginData?: unknown; data?: unknown };
}

/** Starts a trace of the page's main-thread timeline categories. */
export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
}

/** Stops the trace and prints the longest-running kinds of work on the page's main thread (top level only). */
export async function printTrace(stage: string, cdp: CDPSession, top = 20): Promise<void> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }: { value: TraceEvent[] }) => events.push(...value));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return console.log(`trace of the ${stage} stage: no renderer main thread found`);
  const sums = new Map<string, { ms: number; count: number; longest: number }>();
  for (const event of events) {
    if (event.pid !== main.pid || event.tid !== main.tid || event.ph !== 'X' || event.dur === undefined) continue;
    const sum = sums.get(event.name) ?? { ms: 0, count: 0, longest: 0 };
    sum.ms += event.dur / 1000;
    sum.count += 1;
    sum.longest = Math.max(sum.longest, event.dur / 1000);
    sums.set(event.name, sum);
  }
  console.log(`trace of the ${stage} stage, renderer main thread (nested kinds overlap their parents): total ms, count, longest ms`);
  for (const [name, sum] of [...sums].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
    console.log(`  ${sum.ms.toFixed(1).padStart(9)} ${String(sum.count).padStart(6)} ${sum.longest.toFixed(1).padStart(8)}  ${name}`);
  }
  // Every thread's busy time (its top-level tasks), so work moved to a worker is seen to go somewhere.
  const names = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '?']));
  const busy = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || (event.name !== 'RunTask' && event.name !== 'ThreadControllerImpl::RunTask')) continue;
    const key = `${event.pid}:${event.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + event.dur / 1000);
  }
  const threads = [...busy].filter(([, ms]) => ms >= 5).sort((a, b) => b[1] - a[1]);
  console.log(`  busy per thread (ms): ${threads.map(([key, ms]) => `${names.get(key) ?? key} ${ms.toFixed(0)}`).join(', ')}`);
  const styles = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.name === 'UpdateLayoutTree');
  const elements = styles.map((event) => event.args?.elementCount ?? 0);
  if (elements.length > 0) console.log(`  style recalculations restyled ${elements.reduce((a, b) => a + b, 0)} elements, at most ${Math.max(...elements)} at once`);
  // The longest tasks, each with what ran inside it: a long frame's cause.
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
  const tasks = onMain.filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask').sort((a, b) => b.dur! - a.dur!);
  for (const task of tasks.slice(0, 3)) {
    const inside = new Map<string, number>();
    for (const event of onMain) {
      if (event === task || event.ts < task.ts || event.ts + event.dur! > task.ts + task.dur!) continue;
      inside.set(event.name, (inside.get(event.name) ?? 0) + event.dur! / 1000);
    }
    const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
    console.log(`  a ${(task.dur! / 1000).toFixed(1)} ms task: ${parts.join(', ')}`);
  }
}
