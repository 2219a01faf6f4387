/**
 * A stand-in host for the renderer benchmark: it is installed in the page (Playwright's
 * addInitScript) as `window.trailcase`, the same object the Electron preload exposes, and
 * answers `startFetch` by streaming generated CloudTrail records through `fetch.events`, as a
 * real fetch does. So the benchmark measures the real, built renderer on its normal data path,
 * with no dev-only api method. The function is serialised into the page: it must not close
 * over anything outside itself.
 */
export function installFakeHost(options: { count: number; pageSize: number }): void {
  type Listener = (message: unknown) => void;
  const listeners = new Set<Listener>();
  const emit = (message: unknown) => listeners.forEach((listener) => listener(message));
  const names: Array<[string, string, boolean]> = [
    ['GetObject', 's3', true], ['PutObject', 's3', false], ['ListBuckets', 's3', true], ['DescribeInstances', 'ec2', true],
    ['RunInstances', 'ec2', false], ['AssumeRole', 'sts', true], ['GetCallerIdentity', 'sts', true], ['ListUsers', 'iam', true],
    ['CreateAccessKey', 'iam', false], ['StopLogging', 'cloudtrail', false], ['AuthorizeSecurityGroupIngress', 'ec2', false],
    ['GetSecretValue', 'secretsmanager', true], ['Decrypt', 'kms', true], ['ConsoleLogin', 'signin', false],
  ];
  const regions = ['us-east-1', 'eu-west-1', 'us-west-2'];
  const agents = ['aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0', 'Boto3/1.34.84 Botocore/1.34.84', 'console.amazonaws.com', 'aws-sdk-js/3.614.0'];
  // The records fill the form's default range (the last 7 days), as a real fetch would.
  const end = Date.now() - 60_000;
  const span = 7 * 86_400_000 - 120_000;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const records: Array<{ eventId: string; region: string; raw: string }> = [];
  for (let i = 0; i < options.count; i++) {
    const [eventName, service, readOnly] = names[Math.floor(random() ** 2 * names.length)]!;
    const region = regions[i % 3]!;
    const denied = random() < 0.04;
    const record = {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::210987654321:user/jmorales', accountId: '210987654321', accessKeyId: 'AKIAEXAMPLEKEY000001', userName: 'jmorales' },
      eventTime: new Date(end - Math.floor(random() * span)).toISOString().replace(/\.\d+Z$/, 'Z'),
      eventSource: `${service}.amazonaws.com`,
      eventName,
      awsRegion: region,
      sourceIPAddress: `203.0.113.${Math.floor(random() * 40)}`,
      userAgent: agents[Math.floor(random() * agents.length)],
      ...(denied ? { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this action' } : {}),
      requestParameters: { bucketName: `bucket-${i % 50}`, key: `reports/${i}.csv`, groupId: 'sg-0a1b2c3d', ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: i % 97 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }] } }] } },
      responseElements: null,
      requestID: `req-${i}`,
      eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      readOnly,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '210987654321',
    };
    records.push({ eventId: record.eventID, region, raw: JSON.stringify(record) });
  }
  const ok = (data: unknown) => Promise.resolve({ ok: true, data });
  const bench = { dataAt: 0, records };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const fetchId = 'bench-fetch';
  let started = 0;
  const query = { profile: 'demo', regions, identity: { kind: 'user', userName: 'jmorales' }, start: new Date(end - span).toISOString(), end: new Date(end).toISOString(), followSessions: true };
  const progress = (state: string) => regions.map((region) => ({ region, state, pages: 0, events: 0, rateLimitWaits: 0, throttled: 0, waitingOnRateLimit: false, covered: state === 'done' ? 1 : 0, etaSeconds: null, error: null }));
  const status = (state: string) => ({ fetchId, query, state, regions: progress(state), eventCount: records.length, startedAt: query.start, updatedAt: query.end, error: null });
  const methods: Record<string, (input: unknown) => Promise<unknown>> = {
    getAppInfo: () => ok({ name: 'Trailcase', version: 'bench', host: 'electron', platform: 'linux', pendingDeepLink: null }),
    listProfiles: () => ok({ profiles: [{ name: 'demo', kind: 'demo', region: 'us-east-1', mfa: false, ssoSession: null, ssoState: null, sources: ['builtin'], isDefault: true }], problems: [] }),
    // The first fetch is the investigation's; a later one is its baseline (the 90 days before),
    // a fetch of its own that the bench answers as empty so the figures are the investigation's.
    startFetch: () => {
      if (started++ > 0) {
        const baselineId = `bench-baseline-${started}`;
        setTimeout(() => emit({ type: 'fetch.state', fetchId: baselineId, state: 'done', error: null }), 50);
        return ok({ fetchId: baselineId });
      }
      setTimeout(() => {
        bench.dataAt = performance.now();
        for (let offset = 0; offset < records.length; offset += options.pageSize) {
          emit({ type: 'fetch.events', fetchId, events: records.slice(offset, offset + options.pageSize) });
        }
        emit({ type: 'fetch.progress', fetchId, regions: progress('done'), eventCount: records.length });
        emit({ type: 'fetch.state', fetchId, state: 'done', error: null });
      }, 50);
      return ok({ fetchId });
    },
    getFetch: () => ok(status('done')),
    getFetchEvents: (input) => {
      const { offset, limit } = input as { offset: number; limit: number };
      return ok({ events: records.slice(offset, offset + limit), total: records.length });
    },
    listRegions: () => ok({ regions, source: 'demo', reason: null }),
    // The analysis is the host's (a worker there); the bench measures the renderer, so it answers at once.
    analyzeFetch: () => ok({ fetchId, eventCount: records.length, rulePack: 'bench', findings: [], sources: [], datasets: [], missing: [], notes: [] }),
    listFetches: () => ok([]),
    listInvestigations: () => ok([]),
    saveInvestigation: (input) => ok({ ...(input as object), id: 'bench-investigation', kind: 'saved', createdAt: query.end, updatedAt: query.end }),
    autosaveInvestigation: (input) => ok({ ...(input as object), id: 'bench-autosave', kind: 'autosave', createdAt: query.end, updatedAt: query.end }),
  };
  const api = new Proxy(methods, {
    get(target, name: string) {
      if (name === 'subscribe') {
        return (listener: Listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        };
      }
      // Anything else the app asks (IAM context, Jira, containment…) is not part of this bench:
      // it answers as a host that cannot reach the service, which the app shows as such.
      return target[name] ?? (() => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `${name} is not answered in the renderer bench` } }));
    },
  });
  (window as unknown as { trailcase: unknown }).trailcase = api;
}
