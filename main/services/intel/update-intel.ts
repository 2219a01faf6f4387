import { ApiError } from '../../../shared/api/errors';
import type { DatasetInfo } from '../../../shared/intel/types';
import { checkEndpoint } from '../aws/endpoints';
import { maxBytes } from './dataset-readers';
import type { IntelFileKind } from './dataset-readers';
import { acceptIntelBytes } from './import-intel';

/** The two lists that change daily, from their publishers. */
export type UpdatableList = 'aws-ip-ranges' | 'tor-exits';

/** The official URLs (Tor's `exit-addresses` rather than the bulk list: it says when each exit was seen). */
export const officialUrls: Record<UpdatableList, string> = {
  'aws-ip-ranges': 'https://ip-ranges.amazonaws.com/ip-ranges.json',
  'tor-exits': 'https://check.torproject.org/exit-addresses',
};

/**
 * Variables that point Update elsewhere: for tests against a local server, or a mirror. Checked
 * like every endpoint (https, plain http only on loopback).
 */
export const urlVariables: Record<UpdatableList, string> = {
  'aws-ip-ranges': 'TRAILCASE_INTEL_AWS_IP_RANGES_URL',
  'tor-exits': 'TRAILCASE_INTEL_TOR_EXITS_URL',
};

export type UpdateOutcome = { id: UpdatableList; url: string; ok: true; dataset: DatasetInfo } | { id: UpdatableList; url: string; ok: false; error: string };

const timeoutMs = 120_000;

/** Reads a response body up to a limit; a longer one is refused rather than held in memory. */
async function readBody(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new Error(`the answer is larger than ${limit >> 20} MB`);
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw new Error(`the answer is larger than ${limit >> 20} MB`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** fetch's own message ("fetch failed") hides the reason in its cause: a redirect, a refused connection, a timeout. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

async function updateOne(dataDir: string, id: UpdatableList, url: string, fetchImpl: typeof fetch): Promise<UpdateOutcome> {
  try {
    // Redirects are refused: one could lead off https, and the official URLs answer directly.
    const response = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const bytes = await readBody(response, maxBytes[id as IntelFileKind]);
    const modified = Date.parse(response.headers.get('last-modified') ?? '');
    const [dataset] = await acceptIntelBytes(dataDir, id, bytes, { source: url, listDateMs: Number.isFinite(modified) ? modified : Date.now() });
    return { id, url, ok: true, dataset: dataset! };
  } catch (error) {
    const message = error instanceof ApiError ? error.message : `${url} could not be downloaded, the data set in use was kept: ${reasonOf(error)}`;
    return { id, url, ok: false, error: message };
  }
}

/**
 * Update, when the analyst asks: downloads AWS's ranges and Tor's exit list, validates each as
 * `intel import` does and replaces that data set; a failed download or a refused file keeps the
 * data set in use. `urls` (tests) or the variables above override the official URLs.
 */
export async function updateIntel(options: {
  dataDir: string;
  urls?: Partial<Record<UpdatableList, string>>;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  lists?: UpdatableList[];
}): Promise<UpdateOutcome[]> {
  const lists = options.lists ?? (['aws-ip-ranges', 'tor-exits'] as const);
  const fetchImpl = options.fetch ?? fetch;
  const outcomes: UpdateOutcome[] = [];
  for (const id of lists) {
    const configured = options.urls?.[id] ?? options.env?.[urlVariables[id]];
    const url = configured ? checkEndpoint(configured, options.urls?.[id] ? `the ${id} URL` : urlVariables[id]) : officialUrls[id];
    outcomes.push(await updateOne(options.dataDir, id, url, fetchImpl));
  }
  return outcomes;
}
