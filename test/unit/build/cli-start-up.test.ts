import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * The built CLI loads a command's modules only when that command runs: a short fetch does not
 * wait for Jira's client (jira.js, the ADF validator) to load. Runs out/main/cli.cjs (build
 * first) and records every module it asks for.
 */
function modulesLoadedBy(args: string[]): { loaded: string[]; stdout: string; status: number | null } {
  const script = [
    "const Module = require('node:module');",
    'const seen = new Set();',
    'const load = Module._load;',
    'Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };',
    "process.on('exit', () => process.stderr.write('\\n' + JSON.stringify([...seen])));",
    `process.argv = [process.argv[0], 'cli', ...${JSON.stringify(args)}];`,
    `require(${JSON.stringify(resolve('out/main/cli.cjs'))});`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
  const last = run.stderr.trim().split('\n').at(-1) ?? '[]';
  return { loaded: JSON.parse(last) as string[], stdout: run.stdout, status: run.status };
}

describe('the built CLI at start-up', () => {
  it('runs fetch without loading the Jira client, nor the SDK clients of sources it was not given', () => {
    const { loaded, stdout, status } = modulesLoadedBy(['fetch', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--since');
    // The recording works: the command line's own library is seen.
    expect(loaded).toContain('commander');
    expect(loaded).not.toContain('jira.js');
    for (const client of ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-s3', '@aws-sdk/client-athena', '@duckdb/node-api']) expect(loaded).not.toContain(client);
    expect(loaded.filter((name) => name.startsWith('@atlaskit/'))).toEqual([]);
  });

  it('still lists every command in help, loading them all', () => {
    const { loaded, stdout, status } = modulesLoadedBy(['--help']);
    expect(status).toBe(0);
    for (const command of ['profiles', 'fetch', 'serve', 'draft', 'ticket', 'intel', 'analyze']) expect(stdout).toContain(command);
    expect(loaded).toContain('jira.js');
  });
});
