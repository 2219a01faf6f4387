import type { Locator } from '@playwright/test';

/**
 * The page positions of the timeline's drawn bars, left to right (each bar's middle, half way up
 * its read, write or error segment). The bars are a few SVG paths, not an element each, so a test
 * that hovers or clicks one bar finds it from the paths' segments (the chart is scrolled into view first).
 */
export async function barPoints(chart: Locator): Promise<Array<{ x: number; y: number }>> {
  // The points are for the mouse, which reaches only what is on screen.
  await chart.scrollIntoViewIfNeeded();
  return chart.locator('path.stack').evaluateAll((paths) => {
    const points = new Map<number, { x: number; y: number }>();
    for (const path of paths as SVGPathElement[]) {
      const svg = path.ownerSVGElement!.getBoundingClientRect();
      for (const [, x, y, w, h] of (path.getAttribute('d') ?? '').matchAll(/M([\d.]+),([\d.]+)h([\d.]+)v([\d.]+)/g)) {
        const left = Number(x);
        if (!points.has(left)) points.set(left, { x: svg.left + left + Number(w) / 2, y: svg.top + Number(y) + Number(h) / 2 });
      }
    }
    return [...points.values()].sort((a, b) => a.x - b.x);
  });
}
