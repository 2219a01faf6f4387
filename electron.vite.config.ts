import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

import { metaContentSecurityPolicy } from './main/security/csp';

/**
 * Checks that the page's `<meta>` policy is main/security/csp.ts's (frame-ancestors aside, a
 * header-only directive). The policy is written literally in renderer/index.html so that the
 * scanner reads it; this keeps the two from drifting apart.
 */
function cspMetaCheck(): Plugin {
  return {
    name: 'trailcase-csp-check',
    transformIndexHtml(html) {
      const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map((match) => match[1]);
      if (policies.length !== 1 || policies[0] !== metaContentSecurityPolicy) {
        throw new Error(
          `renderer/index.html must carry exactly one CSP <meta>, with content="${metaContentSecurityPolicy}" (main/security/csp.ts without frame-ancestors); found ${JSON.stringify(policies)}.`,
        );
      }
      return html;
    },
  };
}

/**
 * One build for every part. Main and preload are emitted as CommonJS (`.cjs`): a sandboxed
 * preload cannot be an ES module, and this package is `"type": "module"`, so electron-vite
 * would otherwise emit `.mjs`. The CLI and the web host are a second entry of the main build:
 * they share its services and run in plain Node.
 */
export default defineConfig({
  main: {
    build: {
      // env-paths is ESM-only: bundling it avoids require(esm) interop in the CommonJS output.
      externalizeDeps: { exclude: ['env-paths'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/electron/index.ts'),
          cli: resolve('main/cli/main.ts'),
          // The analysis runs in a worker thread (main/services/analysis/analysis-runner.ts), from its own file.
          'analysis-worker': resolve('main/services/analysis/analysis-worker.ts'),
          // DuckDB judges CloudTrail log files in a worker thread, fed by cutter threads (main/services/sources/log-files/).
          'log-files-worker': resolve('main/services/sources/log-files/log-files-worker.ts'),
          'log-files-cutter': resolve('main/services/sources/log-files/log-files-cutter.ts'),
        },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
          // The CLI is package.json's `bin`: it needs a shebang to run from PATH.
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      // Everything but `electron` is bundled in: a sandboxed preload can require nothing else.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspMetaCheck()],
    base: './',
    build: {
      outDir: 'out/renderer',
      // Minified: the page parses a third of the code at each start (electron-vite leaves it off).
      minify: process.env.TRAILCASE_NO_MINIFY ? false : 'esbuild',
      sourcemap: false,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
      chunkSizeWarningLimit: 2000,
    },
  },
});
