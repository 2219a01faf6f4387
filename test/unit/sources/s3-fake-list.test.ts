import { describe, expect, it } from 'vitest';

import { listObjectsV2 } from '../../fakes/s3/fake-s3-list';
import type { FakeObject } from '../../fakes/s3/fake-s3-list';

/** The fake's ListObjectsV2 pages as S3 does: common prefixes count once, across page boundaries too. */
const objects = new Map<string, FakeObject>(
  ['a/1', 'a/2', 'a/3', 'b', 'c/1', 'c/2', 'd'].map((key) => [key, { body: Buffer.from(key), etag: '"e"', lastModified: new Date(0) }]),
);
const list = (query: Record<string, string>) => listObjectsV2('bucket', objects, new URLSearchParams({ 'list-type': '2', ...query }));
const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((match) => match[1]);

describe('the fake’s ListObjectsV2', () => {
  it('rolls keys under the delimiter into CommonPrefixes, each counted once toward max-keys and KeyCount', () => {
    const first = list({ delimiter: '/', 'max-keys': '2' });
    expect(tag(first, 'Key')).toEqual(['b']);
    expect(tag(first, 'Prefix').slice(1)).toEqual(['a/']);
    expect(tag(first, 'KeyCount')).toEqual(['2']);
    expect(tag(first, 'IsTruncated')).toEqual(['true']);
    const second = list({ delimiter: '/', 'max-keys': '2', 'continuation-token': tag(first, 'NextContinuationToken')[0]! });
    expect(tag(second, 'Key')).toEqual(['d']);
    expect(tag(second, 'Prefix').slice(1)).toEqual(['c/']);
    expect(tag(second, 'IsTruncated')).toEqual(['false']);
    expect(tag(second, 'NextContinuationToken')).toEqual([]);
  });

  it('caps max-keys at 1,000 and refuses a token it did not issue', () => {
    expect(tag(list({ 'max-keys': '5000' }), 'MaxKeys')).toEqual(['1000']);
    expect(() => list({ 'continuation-token': 'not-a-token' })).toThrow('The continuation token provided is incorrect');
    expect(() => list({ 'max-keys': '-1' })).toThrow('Provided max-keys not an integer');
  });

  it('starts after start-after, unless a continuation token is given', () => {
    expect(tag(list({ 'start-after': 'b' }), 'Key')).toEqual(['c/1', 'c/2', 'd']);
    const token = tag(list({ 'max-keys': '6' }), 'NextContinuationToken')[0]!;
    expect(tag(list({ 'start-after': 'a', 'continuation-token': token }), 'Key')).toEqual(['d']);
  });
});
