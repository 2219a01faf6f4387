/**
 * The ingest worker: parses, normalises and flags pages of raw CloudTrail records off the main
 * thread (JSON.parse of 100,000 records is most of a second), and sends each page back as an
 * IngestedPage. It receives only the record text the host already gave the page, and answers
 * only its page: it has no bridge, no network and nothing else to read.
 */
import { ingestPage, transferablesOf } from './ingest-page';
import type { IngestRequest, IngestResponse } from './ingest-pool';

/** The worker's global scope, as far as it is used here (the web project's types are the window's). */
const scope = self as unknown as {
  onmessage: ((message: MessageEvent<IngestRequest>) => void) | null;
  postMessage(message: IngestResponse, transfer: Transferable[]): void;
};

scope.onmessage = ({ data }) => {
  try {
    const page = ingestPage(data.raws, data.regions);
    scope.postMessage({ id: data.id, page }, transferablesOf(page));
  } catch (error) {
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : 'ingest failed' }, []);
  }
};
