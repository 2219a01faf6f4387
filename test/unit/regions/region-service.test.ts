import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { createRegionService } from '../../../main/services/aws/regions';
import type { RegionPage } from '../../../main/services/aws/regions';
import { defaultRegionsOf, partitionOf } from '../../../shared/regions/partition-regions';

const keys = { accessKeyId: 'AKIAFAKEANALYST00001', secretAccessKey: 'fakeSecret' };
const credentials = { get: () => Promise.resolve(keys) };
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-regions-'));
  writeFileSync(join(dir, 'config'), '[profile analyst]\nregion = eu-west-1\n[profile gov]\nregion = us-gov-west-1\n');
  writeFileSync(
    join(dir, 'credentials'),
    `[analyst]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
  );
  env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the default regions of a profile', () => {
  test('are every region the account API names as enabled, across pages, us-east-1 first', async () => {
    const pages: Record<string, RegionPage> = {
      first: {
        regions: [
          { name: 'eu-west-1', status: 'ENABLED_BY_DEFAULT' },
          { name: 'af-south-1', status: 'ENABLED' },
        ],
        next: 'p2',
      },
      p2: {
        regions: [
          { name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' },
          { name: 'me-south-1', status: 'DISABLED' },
          { name: '<b>x</b>', status: 'ENABLED' },
        ],
      },
    };
    const service = createRegionService({ env, credentials, listPage: async (_s, _c, token) => pages[token ?? 'first']! });
    expect(await service.listRegions('analyst')).toEqual({
      regions: ['us-east-1', 'af-south-1', 'eu-west-1'],
      source: 'account',
      reason: null,
    });
  });

  test('fall back to the partition default list, without opt-in regions, and say why, when the call is denied', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: account:ListRegions'), { name: 'AccessDeniedException' });
    const service = createRegionService({ env, credentials, listPage: () => Promise.reject(denied) });
    const answer = await service.listRegions('analyst');
    expect(answer.source).toBe('partition');
    expect(answer.reason).toBe('AccessDeniedException: User is not authorized to perform: account:ListRegions');
    expect(answer.regions).toContain('us-east-1');
    expect(answer.regions).toContain('eu-west-1');
    expect(answer.regions).not.toContain('af-south-1');
    expect(answer.regions).not.toContain('me-south-1');
  });

  test('fall back to the profile partition: GovCloud for a us-gov profile', async () => {
    const service = createRegionService({ env, credentials, listPage: () => Promise.reject(new Error('offline')) });
    expect(await service.listRegions('gov')).toMatchObject({ regions: ['us-gov-west-1', 'us-gov-east-1'], source: 'partition' });
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(defaultRegionsOf(undefined)).toHaveLength(17);
  });

  test('are the demo account regions for the built-in demo profile, without a call', async () => {
    const service = createRegionService({ env, credentials, listPage: () => Promise.reject(new Error('must not be called')) });
    expect(await service.listRegions('demo')).toEqual({ regions: ['us-east-1', 'eu-west-1', 'us-west-2'], source: 'demo', reason: null });
  });
});

describe('the Account API call', () => {
  let server: Server;
  let heard: { url: string; body: string }[];
  beforeEach(async () => {
    heard = [];
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        heard.push({ url: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            Regions: [
              { RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
              { RegionName: 'il-central-1', RegionOptStatus: 'ENABLED' },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  test('goes to AWS_ENDPOINT_URL_ACCOUNT and asks for enabled regions only', async () => {
    env.AWS_ENDPOINT_URL_ACCOUNT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answer = await createRegionService({ env, credentials }).listRegions('analyst');
    expect(answer).toEqual({ regions: ['us-east-1', 'il-central-1'], source: 'account', reason: null });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.url).toBe('/listRegions');
    expect(JSON.parse(heard[0]!.body)).toMatchObject({ RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] });
  });
});
