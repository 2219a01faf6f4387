import { GetTableMetadataCommand } from '@aws-sdk/client-athena';
import type { AthenaClient } from '@aws-sdk/client-athena';

import { ApiError } from '../../../../shared/api/errors';

/** What Trailcase needs of the table: the S3 folder of each `timestamp` partition. */
export interface TableInfo {
  /** `storage.location.template`, `${timestamp}` standing for a day as yyyy/MM/dd. */
  template: string;
}

/**
 * Reads the table's definition (GetTableMetadata) and checks it is the table AWS documents for
 * CloudTrail: partitioned on `timestamp`, projected as yyyy/MM/dd, with a storage template.
 * Without that, the partition bound of Trailcase's queries would not limit the scan, so such a
 * table is refused, saying what to do. A missing table is null.
 */
export async function readTableInfo(client: AthenaClient, target: { database: string; table: string }, signal?: AbortSignal): Promise<TableInfo | null> {
  const answer = await client
    .send(
      new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: target.database, TableName: target.table }),
      signal ? { abortSignal: signal } : {},
    )
    .catch((error: unknown) => {
      const { name, message } = error as { name?: string; message?: string };
      if (name === 'MetadataException' && /not\s*found/i.test(message ?? '')) return null;
      throw error;
    });
  if (!answer) return null;
  const table = answer.TableMetadata;
  const parameters = table?.Parameters ?? {};
  const partitioned = (table?.PartitionKeys ?? []).some((key) => key.Name === 'timestamp');
  const template = parameters['storage.location.template'];
  if (!partitioned || parameters['projection.timestamp.format'] !== 'yyyy/MM/dd' || !template?.includes('${timestamp}') || !template.startsWith('s3://'))
    throw new ApiError(
      'BAD_INPUT',
      `${target.database}.${target.table} is not the CloudTrail table AWS documents (partition projection on \`timestamp\` as yyyy/MM/dd with a storage.location.template): Trailcase's partition bound would not limit what Athena scans. Create one with --athena-create-table s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/ under another name.`,
    );
  return { template };
}

/** The bucket and key prefix of one day's partition. */
export function partitionPrefix(template: string, day: string): { bucket: string; prefix: string } {
  const url = template.replaceAll('${timestamp}', day);
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new ApiError('BAD_INPUT', `The table's storage template ${JSON.stringify(template)} is not an s3:// location.`);
  const prefix = match[2]!;
  return { bucket: match[1]!, prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}
