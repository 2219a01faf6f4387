/**
 * A trail's folder for one account and region, as CloudTrail writes it:
 * `s3://BUCKET/[PREFIX/]AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/`. The Athena table AWS documents
 * is one per account and region, its partition template under this folder; anything else is
 * refused, so a DDL never holds a location the projection template cannot follow.
 */
export const TRAIL_FOLDER = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/([A-Za-z0-9!_.*'()/-]+\/)?AWSLogs\/(o-[a-z0-9]{10,32}\/)?\d{12}\/CloudTrail\/[a-z]{2}(-[a-z]+)+-\d\/$/;

/** The longest location taken (an S3 key is at most 1,024 bytes). */
export const TRAIL_FOLDER_MAX = 1100;

/**
 * Why `location` cannot be a table's location, in words the analyst acts on, or null when it can
 * (a missing trailing slash is added by the host). The DDL quotes the location, so a quote is refused.
 */
export function trailFolderProblem(location: string): string | null {
  const text = location.trim();
  if (!text) return 'Give the trail’s S3 folder for one account and region.';
  if (text.length > TRAIL_FOLDER_MAX) return `The location is longer than ${TRAIL_FOLDER_MAX} characters.`;
  if (text.includes("'")) return 'The location may not contain a quote.';
  if (!text.startsWith('s3://')) return 'The location starts with s3:// (the trail’s bucket).';
  const withSlash = text.endsWith('/') ? text : `${text}/`;
  if (/\/CloudTrail\/$/.test(withSlash)) return 'Add the region folder after CloudTrail/, such as us-east-1/: the table AWS documents is one per account and region.';
  if (!TRAIL_FOLDER.test(withSlash))
    return 'Give s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/ (a 12-digit account, a region such as us-east-1; o-ORG/ before the account for an organisation trail).';
  return null;
}
