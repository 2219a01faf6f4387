import { deployCalls, readCalls, writeCalls } from './demo-catalogue';
import type { RoutineCall } from './demo-catalogue';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS, ciRole, users } from './demo-identities';
import type { IamUser } from './demo-identities';
import type { Random } from './demo-random';
import { buildEvent } from './demo-records';
import type { Actor, DemoEvent } from './demo-records';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function regionFor(random: Random, call: RoutineCall, home: string): string {
  if (call.global) return 'us-east-1';
  return random.next() < 0.7 ? home : random.pick(DEMO_REGIONS);
}

function consoleLogin(random: Random, user: IamUser, time: number, userAgent: string): DemoEvent {
  return buildEvent(random, {
    time,
    region: 'us-east-1',
    source: 'signin.amazonaws.com',
    name: 'ConsoleLogin',
    actor: { type: 'IAMUser', user },
    ip: user.homeIp,
    userAgent,
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    response: { ConsoleLogin: 'Success' },
    additional: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAIdentifier: `arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/${user.userName}`,
      MFAUsed: 'Yes',
    },
  });
}

/** A person's working day: a console sign-in, then reads and some writes, by console or CLI. */
export function workDay(random: Random, user: IamUser, dayStart: number, calls: number, end: number): DemoEvent[] {
  const events: DemoEvent[] = [];
  const loginAt = dayStart + 7 * HOUR + random.int(0, 90) * 60_000;
  const browser = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
  const consoleKey = `ASIAT${random.upper(15)}`;
  if (loginAt < end) events.push(consoleLogin(random, user, loginAt, browser));
  for (let i = 0; i < calls; i++) {
    const time = loginAt + random.int(60, 9 * 3600) * 1000;
    if (time >= end) continue;
    const call = random.next() < 0.85 ? random.pick(readCalls) : random.pick(writeCalls);
    const byConsole = random.next() < 0.4;
    const actor: Actor = byConsole
      ? { type: 'IAMUser', user, accessKeyId: consoleKey, console: { mfa: true, since: loginAt } }
      : { type: 'IAMUser', user, accessKeyId: user.accessKeyId };
    const region = regionFor(random, call, user.homeRegion);
    const denied = random.next() < 0.01;
    events.push(
      buildEvent(random, {
        time,
        region,
        source: call.source,
        name: call.name,
        actor,
        ip: user.homeIp,
        userAgent: byConsole ? browser : user.userAgent,
        readOnly: call.readOnly,
        request: call.request(random, region),
        ...(denied
          ? {
              error: {
                code: 'AccessDenied',
                message: `User: arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${user.userName} is not authorized to perform: ${call.source.split('.')[0]}:${call.name} because no identity-based policy allows the action`,
              },
            }
          : {}),
      }),
    );
  }
  return events;
}

/** A CI run: ci-deployer assumes the deploy role, and the session deploys. */
export function ciRun(random: Random, time: number, run: number, end: number): DemoEvent[] {
  const user = users.ci;
  const sessionName = `gha-${run}`;
  const sessionKey = `ASIAT${random.upper(15)}`;
  const events: DemoEvent[] = [];
  if (time >= end) return events;
  events.push(
    buildEvent(random, {
      time,
      region: 'us-east-1',
      source: 'sts.amazonaws.com',
      name: 'AssumeRole',
      actor: { type: 'IAMUser', user, accessKeyId: user.accessKeyId },
      ip: user.homeIp,
      userAgent: user.userAgent,
      readOnly: true,
      request: { roleArn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/${ciRole.roleName}`, roleSessionName: sessionName, durationSeconds: 3600 },
      response: {
        credentials: {
          accessKeyId: sessionKey,
          sessionToken: `IQoJb3JpZ2luX2VjE${random.hex(40)}`,
          expiration: new Date(time + HOUR).toUTCString(),
        },
        assumedRoleUser: {
          assumedRoleId: `${ciRole.roleId}:${sessionName}`,
          arn: `arn:aws:sts::${DEMO_ACCOUNT_ID}:assumed-role/${ciRole.roleName}/${sessionName}`,
        },
      },
      resources: [{ ARN: `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/${ciRole.roleName}`, accountId: DEMO_ACCOUNT_ID, type: 'AWS::IAM::Role' }],
    }),
  );
  const actor: Actor = {
    type: 'AssumedRole',
    roleName: ciRole.roleName,
    roleId: ciRole.roleId,
    sessionName,
    accessKeyId: sessionKey,
    since: time,
  };
  const steps = random.int(14, 28);
  for (let i = 0; i < steps; i++) {
    const at = time + (i + 1) * random.int(5, 40) * 1000;
    if (at >= end) break;
    const call = deployCalls[i % deployCalls.length]!;
    const region = random.next() < 0.85 ? 'eu-west-1' : random.pick(DEMO_REGIONS);
    events.push(
      buildEvent(random, {
        time: at,
        region,
        source: call.source,
        name: call.name,
        actor,
        ip: user.homeIp,
        userAgent: user.userAgent.replace('api/sts', `api/${call.source.split('.')[0]}`),
        readOnly: call.readOnly,
        request: call.request(random, region),
      }),
    );
  }
  return events;
}

/** Services acting for the account: roles assumed by Lambda, EC2 and Config. */
export function serviceDay(random: Random, dayStart: number, end: number): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (let i = 0; i < 30; i++) {
    const time = dayStart + random.int(0, DAY / 1000 - 1) * 1000;
    if (time >= end) continue;
    const invokedBy = random.pick(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'config.amazonaws.com']);
    const roleName = invokedBy.startsWith('lambda')
      ? 'orders-api-exec'
      : invokedBy.startsWith('ec2')
        ? 'ecs-instance-role'
        : 'aws-config-role';
    events.push(
      buildEvent(random, {
        time,
        region: random.pick(DEMO_REGIONS),
        source: 'sts.amazonaws.com',
        name: 'AssumeRole',
        actor: { type: 'AWSService', invokedBy },
        ip: invokedBy,
        userAgent: invokedBy,
        readOnly: true,
        request: { roleArn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/${roleName}`, roleSessionName: random.hex(16) },
        response: {
          credentials: {
            accessKeyId: `ASIAT${random.upper(15)}`,
            sessionToken: 'IQoJb3JpZ2luX2VjE',
            expiration: new Date(time + 6 * HOUR).toUTCString(),
          },
        },
      }),
    );
  }
  return events;
}
