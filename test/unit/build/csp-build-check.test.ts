import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';

import config from '../../../electron.vite.config';

/** The build refuses a page whose literal CSP is not main/security/csp.ts's. */
function cspCheck(): (html: string) => unknown {
  const renderer = (config as { renderer?: { plugins?: unknown[] } }).renderer;
  const plugin = (renderer?.plugins ?? []).flat().find((entry) => (entry as Plugin | null)?.name === 'trailcase-csp-check') as
    Plugin | undefined;
  const hook = plugin?.transformIndexHtml;
  expect(typeof hook).toBe('function');
  return hook as (html: string) => unknown;
}

describe('the build CSP check', () => {
  const page = readFileSync('renderer/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(page)![0];

  it('lets our page through unchanged', () => {
    expect(cspCheck()(page)).toBe(page);
  });

  it('fails the build when the page policy drifts from csp.ts', () => {
    const weakened = meta.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    expect(weakened).not.toBe(meta);
    expect(() => cspCheck()(page.replace(meta, weakened))).toThrow(/main\/security\/csp\.ts/);
  });

  it('fails the build on a page with no policy, or with two', () => {
    expect(() => cspCheck()(page.replace(meta, ''))).toThrow();
    expect(() => cspCheck()(page.replace(meta, `${meta}${meta.replace("img-src 'self'", 'img-src *')}`))).toThrow();
  });
});
