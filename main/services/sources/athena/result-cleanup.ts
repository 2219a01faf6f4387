import { ApiError } from '../../../../shared/api/errors';

/**
 * The objects Athena wrote for one query, from its OutputLocation (`s3://BUCKET/PREFIX/ID.csv`):
 * the CSV of the results and its `.csv.metadata` beside it. Only those two, and only a `.csv`
 * location, so a clean-up can never remove anything else in the bucket.
 */
export function resultObjects(outputLocation: string): { bucket: string; keys: string[] } {
  const match = /^s3:\/\/([^/]+)\/(.+\.csv)$/.exec(outputLocation);
  if (!match)
    throw new ApiError('BAD_INPUT', `Athena's result location ${JSON.stringify(outputLocation)} is not an s3://…/ID.csv object: nothing was removed.`);
  return { bucket: match[1]!, keys: [match[2]!, `${match[2]!}.metadata`] };
}
