/**
 * Renderer benchmark: the built renderer, served by the web host, in Debian's Chromium, with
 * 100,000 events. The events take the normal data path: a stand-in host installed as the
 * page's bridge (bench/renderer-fixture.ts) answers the Fetch click by streaming them as
 * `fetch.events` pages, exactly as a real fetch arrives. Prints each figure and its target.
 *
 * Run it alone with `npx tsx bench/renderer.ts` (after `npm run build`), or through `npm run bench`.
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';

import { startWebHost } from '../test/e2e/fixtures';
import { installFakeHost } from './renderer-fixture';

const eventCount = 100_000;
const pageSize = 1000;

export interface RendererFigures {
  interactiveMs: number;
  searchKeystrokeMs: { median: number; max: number };
  brushRebucketMs: number;
  longestScrollFrameMs: number;
  heapMb: number;
}

/**
 * Arms a timer on the next `eventName` on `selector`: from the event until the frame after it
 * was painted. Returns a function that waits for the figure. Arming is awaited first, so the
 * listener is in place before the input is sent.
 */
async function armPaintTimer(page: Page, selector: string, eventName: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ({ selector, eventName }) => {
      const holder = window as unknown as { __paintTimer?: Promise<number> };
      holder.__paintTimer = new Promise<number>((resolve) => {
        document.querySelector(selector)!.addEventListener(
          eventName,
          (event) => {
            const start = event.timeStamp;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - start);
              channel.port2.postMessage(null);
            });
          },
          { capture: true, once: true },
        );
      });
    },
    { selector, eventName },
  );
  return () => page.evaluate(() => (window as unknown as { __paintTimer: Promise<number> }).__paintTimer);
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

async function measureSearch(page: Page): Promise<{ median: number; max: number }> {
  const search = page.getByLabel('Search events');
  await search.focus();
  const times: number[] = [];
  for (const key of 'putobject') {
    const timing = await armPaintTimer(page, 'input[aria-label="Search events"]', 'keydown');
    await page.keyboard.press(key);
    times.push(await timing());
  }
  await search.fill('');
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

async function measureBrush(page: Page): Promise<number> {
  const box = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
  const timing = await armPaintTimer(page, '[data-testid="timeline"]', 'mouseup');
  await page.mouse.up();
  const ms = await timing();
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

/** Runs every measurement once and returns the figures. */
export async function runRendererBench(): Promise<RendererFigures> {
  const host = await startWebHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('crash', () => console.error('the page crashed'));
    // tsx names functions with a `__name` helper; the page needs it to run the serialised fixture.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(installFakeHost, { count: eventCount, pageSize });
    await page.goto(host.url);
    const interactiveMs = await measureInteractive(page);
    // An analyst does not type within a second of the data arriving; idle work may finish first.
    await page.waitForTimeout(1500);
    const searchKeystrokeMs = await measureSearch(page);
    const brushRebucketMs = await measureBrush(page);
    const longestScrollFrameMs = await measureScroll(page);
    const heapMb = await measureHeap(page);
    return { interactiveMs, searchKeystrokeMs, brushRebucketMs, longestScrollFrameMs, heapMb };
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Prints the figures next to their targets. */
export function printRendererFigures(f: RendererFigures): void {
  const line = (name: string, value: number, target: string, ok: boolean) => console.log(`${name.padEnd(40)} ${value.toFixed(1).padStart(9)}  (target ${target}) ${ok ? 'ok' : 'OVER'}`);
  console.log(`renderer, ${eventCount.toLocaleString('en')} events, Chromium`);
  line('data → interactive table (ms)', f.interactiveMs, '< 1500', f.interactiveMs < 1500);
  line('search keystroke → table+timeline, median (ms)', f.searchKeystrokeMs.median, '< 100', f.searchKeystrokeMs.median < 100);
  line('search keystroke → table+timeline, max (ms)', f.searchKeystrokeMs.max, '< 100', f.searchKeystrokeMs.max < 100);
  line('brush → re-bucketed timeline (ms)', f.brushRebucketMs, '< 100', f.brushRebucketMs < 100);
  line('longest frame while scrolling (ms)', f.longestScrollFrameMs, '< 50', f.longestScrollFrameMs < 50);
  line('JS heap after GC (MB)', f.heapMb, '< 400', f.heapMb < 400);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRendererFigures(await runRendererBench());
}
