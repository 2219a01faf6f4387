import { stat } from 'node:fs/promises';

import { ApiError } from '../../../shared/api/errors';
import { fetchLogFiles } from '../sources/log-files/log-files-source';
import type { SourceDriver } from './source-driver';

/**
 * CloudTrail log files on this machine, through the DuckDB engine in its worker. Checked before
 * the fetch starts, so a wrong path is a clear start error; each file is stored as it is read, so
 * Resume reads only the files not yet done.
 */
export async function openFilesDriver(path: string): Promise<SourceDriver> {
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'there is no such file or folder' : error.code === 'EACCES' ? 'permission denied' : (error.code ?? 'unreadable');
    throw new ApiError('BAD_INPUT', `Cannot read ${path}: ${why}. Give a folder or a file of CloudTrail log files (.json, .json.gz).`);
  });
  if (!found.isDirectory() && !found.isFile())
    throw new ApiError('BAD_INPUT', `${path} is neither a folder nor a file: give a folder or a file of CloudTrail log files.`);
  return {
    kind: 'files',
    unit: 'files',
    async run(job) {
      job.onPhase('reading files');
      await fetchLogFiles(
        path,
        { filter: job.filter, start: job.start, end: job.end, regions: job.regions },
        {
          signal: job.signal,
          skip: job.done,
          onFound: ({ files, bytes }) => job.onFound({ units: files, bytes }),
          onFile: (file) => job.onUnit({ name: file.path, bytes: file.bytes, events: file.events, error: file.error }),
        },
      );
      job.onPhase(null);
    },
  };
}
