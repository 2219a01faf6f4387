import type { Command } from 'commander';

import { listProfiles } from '../../services/aws/profiles';
import { printErr, printJson, printOut } from '../terminal-output';

/** `trailcase profiles [--json]`: the profiles of the shared AWS files, with kind and region. */
export function registerProfilesCommand(program: Command): void {
  program
    .command('profiles')
    .description('list the profiles of the shared AWS config and credentials files')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { profiles, problems } = await listProfiles(process.env);
      for (const problem of problems) printErr(`warning: ${problem}\n`);
      if (options.json) return printJson({ profiles, problems });
      const notes = (p: (typeof profiles)[number]) => [p.mfa ? 'mfa' : '', p.ssoState ? `sso ${p.ssoState}` : ''].filter(Boolean).join(', ');
      const rows = profiles.map((p) => [p.isDefault ? `${p.name} *` : p.name, p.kind, p.region ?? '-', notes(p)]);
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['PROFILE', 'KIND', 'REGION'][i]!.length));
      const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
      return printOut(`${[line(['PROFILE', 'KIND', 'REGION', '']), ...rows.map(line)].join('\n')}\n`);
    });
}
