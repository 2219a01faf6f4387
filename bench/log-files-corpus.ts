/**
 * The log-file benchmark's corpora, generated: CloudTrail gzip files in the S3 key layout, 1 % of
 * the records by the target user. `writeCorpus` is the timed corpus (highly compressible records,
 * as zcat | jq was measured on); `writeLargeCorpus` the memory case, files whose records carry
 * random text (so gzip shrinks them about 2×, not 37×, and 1 GB of gzip stays 2 GB of text), grown
 * by linking them under further names (`growLargeCorpus`) to reach a size quickly.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TARGET = 'bench-target';
const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00Z');

function record(file: number, index: number, noise = '', withTarget = true): string {
  const user = withTarget && index % 100 === 7 ? TARGET : `user-${index % 97}`;
  const time = new Date(START + file * (DAY / 10) + index * 37).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = `${file.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  const extra = noise ? `"additionalEventData":{"nonce":"${noise}"},` : '';
  return `{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDA${index % 97}","arn":"arn:aws:iam::111122223333:user/${user}","accountId":"111122223333","accessKeyId":"AKIA${String(index % 97).padStart(16, '0')}","userName":"${user}"},"eventTime":"${time}","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.${index % 250}","userAgent":"aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22","requestParameters":{"instancesSet":{},"filterSet":{"items":[{"name":"instance-state-name","valueSet":{"items":[{"value":"running"}]}}]}},"responseElements":null,${extra}"requestID":"${id}","eventID":"${id}","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"ec2.us-east-1.amazonaws.com"}}`;
}

function folderOf(root: string, file: number): string {
  const day = new Date(START + file * (DAY / 10));
  const folder = join(root, 'AWSLogs/111122223333/CloudTrail/us-east-1', day.toISOString().slice(0, 10).replace(/-/g, '/'));
  mkdirSync(folder, { recursive: true });
  return folder;
}

const fileName = (file: number, copy = 0) => `111122223333_CloudTrail_us-east-1_${file}${copy ? `_copy${copy}` : ''}.json.gz`;

/** `files` gzip files holding `records` records in all; returns the bytes of gzip written. */
export function writeCorpus(root: string, files: number, records: number): number {
  const perFile = Math.ceil(records / files);
  let bytes = 0;
  for (let file = 0; file < files; file++) {
    const packed = gzipSync(`{"Records":[${Array.from({ length: perFile }, (_, index) => record(file, index)).join(',')}]}`);
    bytes += packed.length;
    writeFileSync(join(folderOf(root, file), fileName(file)), packed);
  }
  return bytes;
}

export interface LargeCorpus {
  root: string;
  /** The distinct files: their paths and sizes. */
  distinct: { path: string; bytes: number }[];
  bytes: number;
  files: number;
  records: number;
  copies: number;
}

/**
 * The memory case's distinct files: 40 of 4,000 records whose users are never the target, and
 * one more with the target's 40 records, so that what is kept stays the same as the input grows.
 */
export function writeLargeCorpus(root: string): LargeCorpus {
  const perFile = 4000;
  const distinct: { path: string; bytes: number }[] = [];
  for (let file = 0; file <= 40; file++) {
    const texts = Array.from({ length: perFile }, (_, index) => record(file, index, randomBytes(1500).toString('base64'), file === 40));
    const path = join(folderOf(root, file), fileName(file));
    writeFileSync(path, gzipSync(`{"Records":[${texts.join(',')}]}`, { level: 1 }));
    distinct.push({ path, bytes: statSync(path).size });
  }
  const bytes = distinct.reduce((sum, file) => sum + file.bytes, 0);
  return { root, distinct, bytes, files: distinct.length, records: distinct.length * perFile, copies: 0 };
}

/** Grows the corpus to about `gzipBytes` by linking its noise files under further names. */
export function growLargeCorpus(corpus: LargeCorpus, gzipBytes: number): void {
  const noise = corpus.distinct.slice(0, -1);
  while (corpus.bytes < gzipBytes) {
    corpus.copies += 1;
    for (const [file, { path, bytes }] of noise.entries()) {
      if (corpus.bytes >= gzipBytes) return;
      linkSync(path, join(folderOf(corpus.root, file), fileName(file, corpus.copies)));
      corpus.bytes += bytes;
      corpus.files += 1;
      corpus.records += 4000;
    }
  }
}
