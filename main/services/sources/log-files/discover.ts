import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/** What limits the files read: regions (none: every region) and the time range in epoch ms. */
export interface LogFileScope {
  regions: readonly string[];
  start: number;
  end: number;
}

export interface LogFile {
  path: string;
  bytes: number;
  /** The size of its JSON text: a gzip file's trailer says it (modulo 4 GiB, one member). */
  textBytes: number;
}

/** A log file with its sizes; an unreadable trailer leaves the guess to the query (retried large). */
async function logFile(path: string, bytes: number): Promise<LogFile> {
  if (!path.endsWith('.gz') || bytes < 18) return { path, bytes, textBytes: bytes };
  const handle = await open(path, 'r');
  try {
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, bytes - 4);
    return { path, bytes, textBytes: trailer.readUInt32LE(0) };
  } finally {
    await handle.close();
  }
}

const DAY_MS = 86_400_000;
const isLogFile = (name: string) => name.endsWith('.json') || name.endsWith('.json.gz');
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * Where a folder sits in the S3 key layout `AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`,
 * from the segments after `CloudTrail`: null outside that layout (a flat folder is read whole).
 */
function layoutOf(segments: readonly string[]): { region?: string; date: string[] } | null {
  const at = segments.lastIndexOf('CloudTrail');
  if (at < 0) return null;
  const [region, ...date] = segments.slice(at + 1);
  return region === undefined || !REGION.test(region) ? { date: [] } : { region, date };
}

/**
 * False when a layout folder cannot hold an event of the scope. CloudTrail files a record under
 * the day it delivered it, a few minutes after the event, so the day after the range is kept too.
 */
function mayHold(layout: { region?: string; date: string[] }, scope: LogFileScope): boolean {
  if (layout.region && scope.regions.length && !scope.regions.includes(layout.region)) return false;
  const [year, month, day] = layout.date.map(Number);
  if (!year || Number.isNaN(year)) return true;
  const from = Date.UTC(year, month ? month - 1 : 0, day || 1);
  const to = day ? from + DAY_MS : Date.UTC(month ? year : year + 1, month ? month : 0, 1);
  return to > scope.start && from <= scope.end + DAY_MS;
}

/**
 * The CloudTrail log files (`.json`, `.json.gz`) at a path: the file itself, or every one under
 * the folder, pruned by region and day where the folders follow the S3 key layout. Sorted by path
 * so that runs read in the same order.
 */
export async function findLogFiles(root: string, scope: LogFileScope): Promise<{ files: LogFile[]; foldersSkipped: number }> {
  const top = await stat(root);
  if (top.isFile()) return { files: [await logFile(root, top.size)], foldersSkipped: 0 };
  const files: LogFile[] = [];
  let foldersSkipped = 0;
  const walk = async (folder: string, segments: string[]): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        const layout = layoutOf([...segments, entry.name]);
        if (layout && !mayHold(layout, scope)) foldersSkipped += 1;
        else await walk(path, [...segments, entry.name]);
      } else if (entry.isFile() && isLogFile(entry.name)) {
        files.push(await logFile(path, (await stat(path)).size));
      }
    }
  };
  // The root's own segments too: a root at or below `CloudTrail/` keeps the region and day pruning.
  await walk(root, resolve(root).split(sep));
  return { files, foldersSkipped };
}
