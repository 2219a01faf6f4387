import { randomUUID } from 'node:crypto';

import { principalByArn, required } from './fake-iam-find';
import type { IamHandler } from './fake-iam-find';
import type { FakeAccessKey, FakeIamState, FakeUser } from './fake-iam-state';
import { userArn } from './fake-iam-state';
import { el, IamFault, isoTime, members, noSuchEntity, pageOf } from './fake-iam-xml';

const FOUR_HOURS = 4 * 3600_000;

/** The two asynchronous IAM jobs: the credential report and the services-last-accessed job. */
export interface IamJobs {
  /** The credential report: when its generation started and when it is (or was) ready. */
  report?: { startedAt: Date; readyAt: Date };
  /** How long a report takes to generate (ms). */
  reportDelayMs: number;
  lastAccessed: Map<string, { arn: string; created: Date; polls: number }>;
  /** How many GetServiceLastAccessedDetails answers say IN_PROGRESS before COMPLETED. */
  lastAccessedPolls: number;
}

export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated',
  'cert_2_active', 'cert_2_last_rotated',
] as const;

/** The report's timestamps: ISO 8601 with `+00:00`, as AWS writes them. */
const reportTime = (value: string) => new Date(value).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function keyCells(key: FakeAccessKey | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.lastUsed;
  return [
    String(key.status === 'Active'),
    reportTime(key.createDate),
    used ? reportTime(used.date) : 'N/A',
    used ? used.region : 'N/A',
    used ? used.serviceName : 'N/A',
  ];
}

function userRow(state: FakeIamState, user: FakeUser): string[] {
  const password = user.loginProfile !== undefined;
  return [
    user.userName,
    userArn(state, user),
    reportTime(user.createDate),
    String(password),
    !password ? 'N/A' : user.passwordLastUsed ? reportTime(user.passwordLastUsed) : 'no_information',
    password ? reportTime(user.passwordLastChanged ?? user.loginProfile!.createDate) : 'N/A',
    'N/A',
    String(user.mfaDevices.length > 0),
    ...keyCells(user.accessKeys[0]),
    ...keyCells(user.accessKeys[1]),
    'false', 'N/A', 'false', 'N/A',
  ];
}

/** The credential report's CSV: the 22 columns, root's `<root_account>` row first, then every user. */
export function credentialReportCsv(state: FakeIamState): string {
  const root = state.root;
  const rootRow = [
    '<root_account>',
    `arn:aws:iam::${state.account}:root`,
    reportTime(root.createDate),
    'not_supported',
    root.passwordLastUsed ? reportTime(root.passwordLastUsed) : 'no_information',
    'not_supported',
    'not_supported',
    String(root.mfaActive),
    ...keyCells(root.accessKeys[0]),
    ...keyCells(root.accessKeys[1]),
    'false', 'N/A', 'false', 'N/A',
  ];
  const rows = [rootRow, ...state.users.map((user) => userRow(state, user))];
  return [CREDENTIAL_REPORT_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n');
}

export function jobHandlers(jobs: IamJobs): Record<string, IamHandler> {
  return {
    GenerateCredentialReport: ({ now }) => {
      const at = now();
      const report = jobs.report;
      if (report && at < report.readyAt) return `${el('State', 'INPROGRESS')}${el('Description', 'Report generation in progress.')}`;
      if (report && at.getTime() - report.readyAt.getTime() < FOUR_HOURS) return `${el('State', 'COMPLETE')}`;
      jobs.report = { startedAt: at, readyAt: new Date(at.getTime() + jobs.reportDelayMs) };
      return `${el('State', 'STARTED')}${el('Description', 'No report exists. Starting a new report generation task')}`;
    },
    GetCredentialReport: ({ state, now }) => {
      const at = now();
      const report = jobs.report;
      if (!report) throw new IamFault('ReportNotPresent', 410, 'Credential report does not exist. Use GenerateCredentialReport to generate a report.');
      if (at < report.readyAt) throw new IamFault('ReportInProgress', 404, 'Report generation in progress.');
      if (at.getTime() - report.readyAt.getTime() >= FOUR_HOURS) {
        throw new IamFault('ReportExpired', 410, 'The requested credential report has expired. To generate a new credential report, use GenerateCredentialReport.');
      }
      const content = Buffer.from(credentialReportCsv(state)).toString('base64');
      return `${el('Content', content)}${el('ReportFormat', 'text/csv')}${el('GeneratedTime', isoTime(report.readyAt.toISOString()))}`;
    },
    GenerateServiceLastAccessedDetails: ({ state, params, now }) => {
      const arn = required(params, 'Arn');
      principalByArn(state, arn);
      const jobId = randomUUID();
      jobs.lastAccessed.set(jobId, { arn, created: now(), polls: 0 });
      return el('JobId', jobId);
    },
    GetServiceLastAccessedDetails: ({ state, params, now }) => {
      const job = jobs.lastAccessed.get(required(params, 'JobId'));
      if (!job) throw noSuchEntity('The job with the specified JobId cannot be found.');
      job.polls += 1;
      const created = el('JobCreationDate', isoTime(job.created.toISOString()));
      if (job.polls <= jobs.lastAccessedPolls) {
        return `${el('JobStatus', 'IN_PROGRESS')}${el('JobType', 'SERVICE_LEVEL')}${created}<ServicesLastAccessed/>${el('IsTruncated', false)}`;
      }
      const { page, tail } = pageOf(state.serviceAccess[job.arn] ?? [], params, `last-accessed-${job.arn}`);
      const items = page.map(
        (service) =>
          `${el('ServiceName', service.serviceName)}${service.lastAuthenticated ? el('LastAuthenticated', isoTime(service.lastAuthenticated)) : ''}${el('ServiceNamespace', service.serviceNamespace)}${el('LastAuthenticatedEntity', service.lastAuthenticatedEntity)}${el('LastAuthenticatedRegion', service.lastAuthenticatedRegion)}${el('TotalAuthenticatedEntities', service.totalAuthenticatedEntities)}`,
      );
      return `${el('JobStatus', 'COMPLETED')}${el('JobType', 'SERVICE_LEVEL')}${created}${members('ServicesLastAccessed', items)}${el('JobCompletionDate', isoTime(now().toISOString()))}${tail}`;
    },
  };
}
