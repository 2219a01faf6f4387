import type { Command } from 'commander';

import { ApiError } from '../../../shared/api/errors';
import type { DatasetInfo } from '../../../shared/intel/types';
import { importIntelFile } from '../../services/intel/import-intel';
import type { IntelFileKind } from '../../services/intel/dataset-readers';
import { loadIntel } from '../../services/intel/load-enricher';
import type { IntelStatus } from '../../services/intel/load-enricher';
import { updateIntel } from '../../services/intel/update-intel';
import { createCliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { printErr, printJson, printOut } from '../terminal-output';

const fileOptions: Array<[string, IntelFileKind]> = [
  ['torExits', 'tor-exits'],
  ['awsIpRanges', 'aws-ip-ranges'],
  ['ipDb', 'ip-db'],
];

function statusTable(status: IntelStatus): string {
  const rows = [
    ...status.datasets.map((d) => [d.id, d.origin, d.date ?? '-', String(d.entries), d.source ?? '']),
    ...status.missing.map((id) => [id, 'missing', '-', '-', 'unknown until imported (intel import) or downloaded (intel update)']),
  ];
  const header = ['DATA SET', 'ORIGIN', 'DATE', 'ENTRIES', 'SOURCE'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

const describe = (d: DatasetInfo) => `${d.id}: ${d.entries} entries, dated ${d.date ?? 'unknown'}, from ${d.source ?? d.name}`;

/**
 * `trailcase intel import | status | update` (DESIGN 2.2): the enrichment data sets in the data
 * folder. An imported file is validated whole; a malformed one changes nothing and names its line.
 */
export function registerIntelCommand(program: Command): void {
  const intel = program.command('intel').description('the offline IP enrichment data sets (country, ASN, AWS ranges, Tor exits)');
  intel
    .command('import')
    .description('replace one data set with a file: Tor\'s exit list, AWS\'s ip-ranges.json, or a country or ASN MMDB')
    .option('--tor-exits <file>', 'Tor\'s exit list: one address a line (torbulkexitlist) or the exit-addresses format')
    .option('--aws-ip-ranges <file>', 'AWS\'s ip-ranges.json')
    .option('--ip-db <file>', 'a country or ASN database in MMDB format')
    .option('--date <iso>', 'the date of a plain Tor list (default: the file\'s modification time)')
    .option('--json', 'print JSON')
    .action(async (options: { torExits?: string; awsIpRanges?: string; ipDb?: string; date?: string; json?: boolean }) => {
      const given = fileOptions.filter(([key]) => options[key as keyof typeof options] !== undefined);
      if (given.length !== 1) throw new ApiError('BAD_INPUT', 'Give exactly one of --tor-exits, --aws-ip-ranges, --ip-db.');
      const [key, kind] = given[0]!;
      const file = options[key as 'torExits' | 'awsIpRanges' | 'ipDb']!;
      const datasets = await importIntelFile(createCliContext().dataDir, { kind, file, ...(options.date ? { listDate: options.date } : {}) });
      if (options.json) return printJson({ imported: datasets });
      return printOut(datasets.map((d) => `imported ${describe(d)}\n`).join(''));
    });
  intel
    .command('status')
    .description('the data sets in use, with their dates and origin (bundled or imported), and those missing')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { status } = await loadIntel(createCliContext().dataDir);
      for (const problem of status.problems) printErr(`warning: ${problem}\n`);
      return options.json ? printJson(status) : printOut(statusTable(status));
    });
  intel
    .command('update')
    .description('download AWS\'s ip-ranges.json and Tor\'s exit list from their official URLs (a failed download keeps the data set in use)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const outcomes = await updateIntel({ dataDir: createCliContext().dataDir, env: process.env });
      if (outcomes.some((outcome) => !outcome.ok)) process.exitCode = ExitCode.failed;
      if (options.json) return printJson({ outcomes });
      for (const outcome of outcomes) {
        if (outcome.ok) await printOut(`updated ${describe(outcome.dataset)}\n`);
        else printErr(`${outcome.error}\n`);
      }
    });
}
