/**
 * The built-in `demo` profile's account (210987654321), 14 days in us-east-1, eu-west-1 and
 * us-west-2, about 6,000 events. Identities:
 * - `jmorales`: the compromised IAM user (console sign-in without MFA from the Tor exit
 *   185.220.101.47, new access key AKIATJ4MORALESNEW5Z8, AdministratorAccess, a reconnaissance
 *   burst from Kali Linux, StopLogging, SSH open to 0.0.0.0/0, AssumeRole into `prod-admin` as
 *   session `maint-0412`, GetSessionToken, then calls from the Tor exit 23.129.64.131 in another
 *   country), about 30 hours before the account's end;
 * - `priya.shah` and `dkim`: ordinary daily work by console and CLI;
 * - `ci-deployer`: CI that assumes `ci-deploy-role` as sessions `gha-<run>` and deploys;
 * - `root` (two console sign-ins) and AWS services (roles assumed by Lambda, EC2, Config).
 */
import { DEMO_ACCOUNT_ID, users } from './demo-identities';
import { seededRandom } from './demo-random';
import type { DemoEvent } from './demo-records';
import { buildEvent } from './demo-records';
import { ciRun, serviceDay, workDay } from './demo-routine';
import { storyEvents } from './demo-story';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const DEMO_DAYS = 14;

/** The demo account ends at the start of the current hour, so its story is always recent. */
export function demoAnchor(now: number = Date.now()): number {
  return Math.floor(now / HOUR) * HOUR;
}

export interface DemoAccount {
  end: number;
  /** Each region's events, newest first, as LookupEvents returns them. */
  byRegion: Map<string, DemoEvent[]>;
}

let cached: DemoAccount | null = null;

/** Generates (once per anchor) the demo account's events. Same seed, same ids, on every machine. */
export function demoAccount(end: number = demoAnchor()): DemoAccount {
  if (cached?.end === end) return cached;
  const random = seededRandom(0x7a11ca5e);
  const events: DemoEvent[] = [];
  const firstDay = Math.floor((end - DEMO_DAYS * DAY) / DAY) * DAY;
  let run = 4100;
  for (let day = firstDay; day < end; day += DAY) {
    const weekday = ![0, 6].includes(new Date(day).getUTCDay());
    if (day + DAY > end - DEMO_DAYS * DAY) {
      events.push(...workDay(random, users.priya, day, weekday ? 190 : 12, end));
      events.push(...workDay(random, users.dkim, day, weekday ? 85 : 20, end));
      events.push(...workDay(random, users.jmorales, day, weekday ? 45 : 0, end));
      for (let i = 0, runs = weekday ? random.int(7, 10) : 2; i < runs; i++)
        events.push(...ciRun(random, day + random.int(6 * 3600, 20 * 3600) * 1000, run++, end));
      events.push(...serviceDay(random, day, end));
    }
  }
  for (const daysBack of [9, 4]) {
    const at = end - daysBack * DAY + 2 * HOUR;
    events.push(
      buildEvent(random, {
        time: at,
        region: 'us-east-1',
        source: 'signin.amazonaws.com',
        name: 'ConsoleLogin',
        actor: { type: 'Root', console: { mfa: true, since: at } },
        ip: '198.51.100.5',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
        readOnly: false,
        eventType: 'AwsConsoleSignIn',
        response: { ConsoleLogin: 'Success' },
        additional: { LoginTo: 'https://console.aws.amazon.com/billing/home', MobileVersion: 'No', MFAUsed: 'Yes' },
      }),
    );
    events.push(
      buildEvent(random, {
        time: at + 120_000,
        region: 'us-east-1',
        source: 'iam.amazonaws.com',
        name: 'GetAccountSummary',
        actor: { type: 'Root', console: { mfa: true, since: at } },
        ip: '198.51.100.5',
        userAgent: 'AWS Internal',
        readOnly: true,
        request: null,
      }),
    );
  }
  events.push(...storyEvents(random, end - 30 * HOUR + 13 * 60_000));
  const inRange = events.filter((event) => event.time >= end - DEMO_DAYS * DAY && event.time < end);
  const byRegion = new Map<string, DemoEvent[]>();
  for (const event of inRange.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : 1))) {
    const list = byRegion.get(event.region) ?? [];
    list.push(event);
    byRegion.set(event.region, list);
  }
  cached = { end, byRegion };
  return cached;
}

export { DEMO_ACCOUNT_ID };
