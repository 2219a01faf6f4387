import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Records written as text, as AWS writes them: key order, `1.50`, `\u00e9` and `\/` must survive. */
export const records = {
  alice: `{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAALICE","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE0000000000A","userName":"alice"},"eventTime":"2026-03-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.4","userAgent":"aws-cli/2.15.0","requestParameters":{"note":"caf\\u00e9 \\/ {\\"x\\":[1]}"},"responseElements":null,"additionalEventData":{"bytesTransferredIn":1.50,"ratio":1e3},"eventID":"11111111-aaaa-4000-8000-000000000001","readOnly":true,"eventType":"AwsApiCall","recipientAccountId":"111122223333"}`,
  root: `{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2026-03-01T11:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.9","userAgent":"Mozilla/5.0","responseElements":{"ConsoleLogin":"Success"},"eventID":"11111111-aaaa-4000-8000-000000000002","eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}`,
  service: `{"eventVersion":"1.08","userIdentity":{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"},"eventTime":"2026-03-01T12:00:00Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","awsRegion":"us-east-1","sourceIPAddress":"cloudtrail.amazonaws.com","userAgent":"cloudtrail.amazonaws.com","eventID":"11111111-aaaa-4000-8000-000000000003","readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"111122223333"}`,
  aliceByService: `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"ASIAALICECFN0000000A","userName":"alice","invokedBy":"cloudformation.amazonaws.com"},"eventTime":"2026-03-01T13:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","sourceIPAddress":"cloudformation.amazonaws.com","userAgent":"cloudformation.amazonaws.com","eventID":"11111111-aaaa-4000-8000-000000000004","eventType":"AwsApiCall","recipientAccountId":"111122223333"}`,
  aliceSession: `{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAADMIN:alice","arn":"arn:aws:sts::222233334444:assumed-role/Admin/alice","accountId":"222233334444","accessKeyId":"ASIAROLESESSION00001","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAADMIN","arn":"arn:aws:iam::222233334444:role/Admin","accountId":"222233334444","userName":"Admin"},"attributes":{"creationDate":"2026-03-02T08:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"2026-03-02T08:05:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.7","userAgent":"Boto3/1.34","requestParameters":{"userName":"backdoor"},"eventID":"22222222-bbbb-4000-8000-000000000001","eventType":"AwsApiCall","recipientAccountId":"222233334444"}`,
  bobSameAddress: `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::222233334444:user/bob","accountId":"222233334444","accessKeyId":"AKIABOB0000000000000","userName":"bob"},"eventTime":"2026-03-02T09:00:00Z","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.7","userAgent":"Boto3/1.34","eventID":"22222222-bbbb-4000-8000-000000000002","eventType":"AwsApiCall","recipientAccountId":"222233334444"}`,
  aliceOld: `{"eventVersion":"1.0","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE0000000000A","userName":"alice"},"eventTime":"2026-03-02T07:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.4","userAgent":"aws-cli/1.0"}`,
  aliceJanuary: `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE0000000000A","userName":"alice"},"eventTime":"2026-01-15T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-west-2","sourceIPAddress":"198.51.100.4","eventID":"33333333-cccc-4000-8000-000000000001"}`,
};

const account = 'AWSLogs/111122223333/CloudTrail';
const organisation = 'AWSLogs/o-abc123def4/222233334444/CloudTrail';

/** The files of the corpus, under the S3 key layout (one under an organisation trail's `o-…`). */
export const corpusFiles: Record<string, string[]> = {
  [`${account}/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T1005Z_a.json.gz`]: [
    records.service,
    records.alice,
    records.root,
    records.aliceByService,
  ],
  // The same record delivered twice (as CloudTrail may) and a 1.0-era record without eventID.
  [`${account}/us-east-1/2026/03/02/111122223333_CloudTrail_us-east-1_20260302T0705Z_b.json.gz`]: [records.aliceOld, records.alice],
  [`${organisation}/eu-west-1/2026/03/02/222233334444_CloudTrail_eu-west-1_20260302T0905Z_c.json.gz`]: [
    records.bobSameAddress,
    records.aliceSession,
  ],
  [`${account}/us-west-2/2026/01/15/111122223333_CloudTrail_us-west-2_20260115T1005Z_d.json.gz`]: [records.aliceJanuary],
};

/** Writes the corpus's gzip log files under `root`. */
export function writeCorpus(root: string): void {
  for (const [path, texts] of Object.entries(corpusFiles)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), gzipSync(`{"Records":[${texts.join(',')}]}`));
  }
}

/** The records output of these texts, as `fetch` writes it. */
export const recordsOutput = (...texts: string[]) => `{"Records":[${texts.join(',')}]}\n`;

/**
 * A gzip log file whose last record is `record`, after 3,000 records of an AWS service (about
 * 1 MB of text the engine must walk): a Cancel test's fetch then lasts long enough for Cancel to
 * land while files are still being read. Two gzip members (as `cat a.gz b.gz` makes, which gzip
 * readers accept): the padding is compressed once for every file.
 */
export function paddedLogFile(record: string): Buffer {
  padding ??= gzipSync(`{"Records":[${Array.from({ length: 3000 }, () => records.service).join(',')},`, { level: 1 });
  return Buffer.concat([padding, gzipSync(`${record}]}`)]);
}
let padding: Buffer | undefined;
