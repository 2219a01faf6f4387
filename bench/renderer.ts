/**
 * Renderer benchmark: the built renderer, served by the web host, in Debian's Chromium, with
 * 100,000 events. The events take the normal data path: a stand-in host installed as the
 * page's bridge (bench/renderer-fixture.ts) answers the Fetch click by streaming them as
 * `fetch.events` pages, exactly as a real fetch arrives. Runs five times (RENDERER_RUNS to
 * change) in a fresh browser each, and prints each figure's median, spread and target, with the
 * load average (the machine may be shared), and where the data → table time went by the
 * renderer's own performance.measure stages. RENDERER_PROFILE=interactive (or search, brush,
 * scroll) adds Chromium's CPU profile of that stage in the first run: the functions with the most self time.
 *
 * Run it alone with `npx tsx bench/renderer.ts` (after `npm run build`), or through `npm run bench`.
 */
import { chromium } from '@playwright/test';
import type { CDPSession, Page } from '@playwright/test';

import { startWebHost } from '../test/e2e/fixtures';
import { installFakeHost } from './renderer-fixture';
import { printProfile } from './renderer-profile';
import { printTrace, startTrace } from './renderer-trace';
import type { Profile } from './renderer-profile';
import { currentLoad, median, printRendererFigures } from './renderer-stats';
import type { RendererFigures, RendererRun } from './renderer-stats';

export { printRendererFigures };
export type { RendererFigures };

const eventCount = 100_000;
const pageSize = 1000;

/**
 * Arms timers on the next `eventName` on `selector`, each from the event until the frame after
 * it was painted: `table`, the first frame (the table updates in it), and `overview`, the frame
 * after the timeline and charts drew the change (the workspace's `trailcase:overview drawn` mark:
 * they follow in a deferred render). Returns a function that waits for both. Arming is awaited
 * first, so the listener is in place before the input is sent.
 */
async function armPaintTimer(page: Page, selector: string, eventName: string): Promise<() => Promise<{ table: number; overview: number }>> {
  await page.evaluate(
    ({ selector, eventName }) => {
      const holder = window as unknown as { __paintTimer?: Promise<{ table: number; overview: number }> };
      const painted = (start: number) =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - start);
            channel.port2.postMessage(null);
          }),
        );
      // A view that never draws the change gives NaN after 10 s (printed, and over any target).
      const drawnAfter = (start: number) =>
        new Promise<number>((resolve) => {
          setTimeout(() => resolve(Number.NaN), 10_000);
          const seen = () => performance.getEntriesByName('trailcase:overview drawn').some((mark) => mark.startTime > start);
          if (seen()) return resolve(painted(start));
          const observer = new PerformanceObserver(() => {
            if (!seen()) return;
            observer.disconnect();
            resolve(painted(start));
          });
          observer.observe({ type: 'mark' });
        });
      holder.__paintTimer = new Promise((resolve) => {
        document.querySelector(selector)!.addEventListener(
          eventName,
          (event) => {
            const start = event.timeStamp;
            void Promise.all([painted(start), drawnAfter(start)]).then(([table, overview]) => resolve({ table, overview }));
          },
          { capture: true, once: true },
        );
      });
    },
    { selector, eventName },
  );
  return () => page.evaluate(() => (window as unknown as { __paintTimer: Promise<{ table: number; overview: number }> }).__paintTimer);
}

/** Time from the data's arrival to the frame after timeline and charts drew all `count` events. */
async function overviewDrawn(page: Page, count: number): Promise<number> {
  return page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        const bench = (window as unknown as { __bench: { dataAt: number } }).__bench;
        const find = () => performance.getEntriesByName('trailcase:overview drawn').find((mark) => (mark as PerformanceMark).detail?.events === count);
        const done = (mark: PerformanceEntry) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(Math.max(mark.startTime, performance.now()) - bench.dataAt);
            channel.port2.postMessage(null);
          });
        const found = find();
        if (found) return done(found);
        const observer = new PerformanceObserver(() => {
          const mark = find();
          if (!mark) return;
          observer.disconnect();
          done(mark);
        });
        observer.observe({ type: 'mark' });
      }),
    count,
  );
}

/** Waits for timeline and charts to draw `count` events after `since` (the page's clock). */
async function overviewDrawnSince(page: Page, count: number, since: number): Promise<void> {
  await page.evaluate(
    ({ count, since }) =>
      new Promise<void>((resolve) => {
        const seen = () =>
          performance.getEntriesByName('trailcase:overview drawn').some((mark) => mark.startTime > since && (mark as PerformanceMark).detail?.events === count);
        if (seen()) return resolve();
        const observer = new PerformanceObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe({ type: 'mark' });
      }),
    { count, since },
  );
}

async function measureInteractive(page: Page): Promise<number> {
  await page.locator('#identity-value').fill('jmorales');
  const ready = page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const table = document.querySelector('[data-testid="event-table"]');
          const bench = (window as unknown as { __bench: { dataAt: number } }).__bench;
          if (table?.getAttribute('aria-label') === `Events, ${count} rows` && document.querySelector('[data-testid="event-row"]')) {
            resolve(performance.now() - bench.dataAt);
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    eventCount,
  );
  await page.getByRole('button', { name: /^Fetch/ }).click();
  return ready;
}

/** RENDERER_VERBOSE: prints the renderer's stage measures since the last call, after `label`. */
async function printStages(page: Page, label: string): Promise<void> {
  if (!process.env.RENDERER_VERBOSE) return;
  const stages = await page.evaluate(() => {
    const entries = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('trailcase:'));
    performance.clearMeasures();
    return entries.map((entry) => `${entry.name.slice(10)} ${entry.duration.toFixed(0)}`).join(', ');
  });
  process.stderr.write(`  ${label}; ${stages}\n`);
}

async function measureSearch(page: Page): Promise<{ median: number; max: number; overviewMedian: number; overviewMax: number }> {
  const search = page.getByLabel('Search events');
  await search.focus();
  const table: number[] = [];
  const overview: number[] = [];
  for (const key of 'putobject') {
    const timing = await armPaintTimer(page, 'input[aria-label="Search events"]', 'keydown');
    await page.keyboard.press(key);
    const figures = await timing();
    await printStages(page, `${key}: table ${figures.table.toFixed(0)}, overview ${figures.overview.toFixed(0)}`);
    table.push(figures.table);
    overview.push(figures.overview);
  }
  // Cleared, the search shows every event again: the brush that follows starts once timeline
  // and charts have drawn them, so it does not measure the tail of this reset.
  const since = await page.evaluate(() => performance.now());
  await search.fill('');
  await overviewDrawnSince(page, eventCount, since);
  if (process.env.RENDERER_VERBOSE) process.stderr.write(`  keystrokes → table ${table.map((ms) => ms.toFixed(0)).join(' ')}; → overview ${overview.map((ms) => ms.toFixed(0)).join(' ')}\n`);
  return { median: median(table), max: Math.max(...table), overviewMedian: median(overview), overviewMax: Math.max(...overview) };
}

async function measureBrush(page: Page): Promise<number> {
  const box = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
  const timing = await armPaintTimer(page, '[data-testid="timeline"]', 'mouseup');
  await page.mouse.up();
  const ms = (await timing()).overview;
  await printStages(page, `brush ${ms.toFixed(0)}`);
  await page.getByRole('button', { name: 'Remove time range filter' }).waitFor();
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  // Let the reset finish painting, so the scroll measurement that follows measures scrolling.
  await page.getByRole('button', { name: 'Reset zoom' }).waitFor({ state: 'detached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return ms;
}

async function measureScroll(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const table = document.querySelector<HTMLElement>('[data-testid="event-table"]')!;
        let last = performance.now();
        let longest = 0;
        const started = last;
        const step = (now: number) => {
          longest = Math.max(longest, now - last);
          last = now;
          table.scrollTop += 900;
          if (now - started < 4000) requestAnimationFrame(step);
          else resolve(longest);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
  );
}

async function measureHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 1024 / 1024;
}

/** The renderer's stage measures (named `trailcase:…`) recorded so far, summed by name. */
async function stagesOf(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sums: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('measure')) {
      if (entry.name.startsWith('trailcase:')) sums[entry.name.slice(10)] = (sums[entry.name.slice(10)] ?? 0) + entry.duration;
    }
    return sums;
  });
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Runs every measurement once, in a fresh browser, and returns the figures. */
async function runOnce(url: string, profile: string | null, trace: string | null): Promise<RendererRun> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('crash', () => console.error('the page crashed'));
    // tsx names functions with a `__name` helper; the page needs it to run the serialised fixture.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(installFakeHost, { count: eventCount, pageSize });
    // RENDERER_NO_WORKERS=1 refuses the ingest workers' script: the renderer then ingests on the
    // main thread, as without workers, to compare the two under the same load.
    if (process.env.RENDERER_NO_WORKERS) await page.route(/\.worker-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(url);
    const profiled = async <T>(stage: string, measure: () => Promise<T>): Promise<T> => {
      if (stage === trace) {
        const cdp = await page.context().newCDPSession(page);
        await startTrace(cdp);
        const result = await measure();
        await printTrace(stage, cdp);
        return result;
      }
      if (stage !== profile) return measure();
      const profiler = await startProfile(page);
      const result = await measure();
      printProfile(stage, ((await profiler.send('Profiler.stop')) as { profile: Profile }).profile);
      return result;
    };
    const step = (name: string) => process.stderr.write(`  ${name}…\n`);
    step('data → table');
    const interactiveMs = await profiled('interactive', () => measureInteractive(page));
    const overviewMs = await overviewDrawn(page, eventCount);
    const stages = await stagesOf(page);
    if (process.env.RENDERER_VERBOSE) {
      const timeline = await page.evaluate(() => {
        const dataAt = (window as unknown as { __bench: { dataAt: number } }).__bench.dataAt;
        return performance
          .getEntries()
          .filter((entry) => entry.name.startsWith('trailcase:') && entry.startTime >= dataAt && entry.name !== 'trailcase:ingest')
          .map((entry) => `${(entry.startTime - dataAt).toFixed(0)} ${entry.name.slice(10)} ${entry.duration.toFixed(0)}`)
          .join(', ');
      });
      process.stderr.write(`  data → table ${interactiveMs.toFixed(0)}, overview ${overviewMs.toFixed(0)}; at ms after the data: ${timeline}\n`);
    }
    // An analyst does not type within a second of the data arriving; idle work may finish first.
    await page.waitForTimeout(1500);
    step('search');
    const search = await profiled('search', () => measureSearch(page));
    step('brush');
    const brushRebucketMs = await profiled('brush', () => measureBrush(page));
    step('scroll');
    const longestScrollFrameMs = await profiled('scroll', () => measureScroll(page));
    const heapMb = await measureHeap(page);
    return { interactiveMs, overviewMs, searchMedianMs: search.median, searchMaxMs: search.max, searchOverviewMedianMs: search.overviewMedian, searchOverviewMaxMs: search.overviewMax, brushRebucketMs, longestScrollFrameMs, heapMb, stages };
  } finally {
    await browser.close();
  }
}

/** Runs the benchmark `runs` times (RENDERER_RUNS, else five) against one web host. */
export async function runRendererBench(runs = Number(process.env.RENDERER_RUNS ?? 5)): Promise<RendererFigures> {
  const host = await startWebHost();
  const before = currentLoad();
  const results: RendererRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`renderer bench, run ${i + 1} of ${runs}\n`);
      results.push(await runOnce(host.url, i === 0 ? (process.env.RENDERER_PROFILE ?? null) : null, i === 0 ? (process.env.RENDERER_TRACE ?? null) : null));
    }
  } finally {
    await host.stop();
  }
  return { eventCount, runs: results, load: { before, after: currentLoad() } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRendererFigures(await runRendererBench());
}
