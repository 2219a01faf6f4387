import { useState } from 'react';

import { siteOrigin } from '../../../shared/api/ticket-contract';
import type { JiraConnectionDraft } from '../../../shared/api/ticket-contract';
import { checkApiToken, checkEmail, checkJiraSite } from '../../../shared/ticket/form-checks';
import { FormField } from './FormField';
import { ErrorWithRetry } from './ErrorWithRetry';
import { useFieldChecks } from './useFieldChecks';
import type { useJiraConnection } from './useJiraConnection';

type Connection = ReturnType<typeof useJiraConnection>;
type Field = 'site' | 'email' | 'token';
type Kind = 'cloud' | 'datacenter';

/**
 * Site, email and API token (Jira Cloud) or site and personal access token (Data Center), checked
 * as they are typed and testable before they are saved. The token goes to the host and is never
 * read back: the form only learns whether one is saved. Saving a different site forgets the old
 * site's token.
 */
export function JiraConnectionForm({ connection }: { connection: Connection }) {
  const { info, test } = connection;
  const [values, setValues] = useState<Record<Field, string>>({ site: info?.site ?? '', email: info?.email ?? '', token: '' });
  const [kind, setKind] = useState<Kind>(info?.kind ?? 'cloud');
  const dataCenter = kind === 'datacenter';
  const origin = siteOrigin(values.site);
  const tokenSaved = Boolean(info?.hasToken && origin !== null && origin === info.site);
  const changesSite = Boolean(info?.site && origin !== info.site);
  const host = test.kind === 'failed' ? test.error : connection.error;
  const checks = useFieldChecks(
    values,
    {
      site: checkJiraSite(values.site),
      email: dataCenter ? null : checkEmail(values.email),
      token: dataCenter ? (values.token.trim() || tokenSaved ? null : 'Paste a personal access token: create one in Jira under your profile, Personal Access Tokens.') : checkApiToken(values.token, tokenSaved),
    },
    host?.fields,
  );

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    checks.touch(field);
    connection.clearTest();
  };
  const draft = (): JiraConnectionDraft | null =>
    checks.attempt() ? { site: values.site.trim(), email: dataCenter ? '' : values.email.trim(), token: values.token.trim() || null, kind } : null;
  const onSave = async () => {
    const input = draft();
    if (input && (await connection.save(input))) setValues((current) => ({ ...current, token: '' }));
  };
  const onTest = () => {
    const input = draft();
    if (input) void connection.runTest(input);
  };

  return (
    <form
      className="ticket-connection"
      aria-label="Jira connection"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      <div role="radiogroup" aria-label="Jira deployment" className="ticket-kind">
        {(
          [
            ['cloud', 'Jira Cloud'],
            ['datacenter', 'Jira Data Center'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="jira-kind"
              checked={kind === value}
              onChange={() => {
                setKind(value);
                connection.clearTest();
              }}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <FormField label="Jira site" error={checks.shown('site')}>
        {(control) => (
          <input
            {...control}
            value={values.site}
            onChange={(event) => change('site', event.target.value)}
            placeholder={dataCenter ? 'https://jira.example.com' : 'https://your-team.atlassian.net'}
          />
        )}
      </FormField>
      {!dataCenter && (
        <FormField label="Email" error={checks.shown('email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              value={values.email}
              onChange={(event) => change('email', event.target.value)}
              autoComplete="username"
            />
          )}
        </FormField>
      )}
      <FormField
        label={dataCenter ? 'Personal access token' : 'API token'}
        error={checks.shown('token')}
        help={
          changesSite && info?.hasToken
            ? `Saving a different site forgets the token saved for ${info.site}.`
            : tokenSaved
              ? 'A token is saved for this site: leave this empty to keep it.'
              : null
        }
      >
        {(control) => (
          <input
            {...control}
            type="password"
            value={values.token}
            onChange={(event) => change('token', event.target.value)}
            autoComplete="off"
          />
        )}
      </FormField>
      {info?.warning && <div className="banner banner-warning">{info.warning}</div>}
      <div className="ticket-actions">
        <button type="submit">Save connection</button>
        <button type="button" onClick={onTest} disabled={test.kind === 'testing'}>
          Test connection
        </button>
        {info?.source === 'saved' && (
          <button type="button" className="ghost" onClick={() => void connection.forget()}>
            Forget
          </button>
        )}
      </div>
      {test.kind === 'testing' && <div role="status">Testing the connection…</div>}
      {test.kind === 'ok' && (
        <div role="status" className="ticket-ok">
          Connected to {test.site} as {test.displayName}
          {test.emailAddress ? `, ${test.emailAddress}` : ''}.
        </div>
      )}
      {test.kind === 'failed' && <ErrorWithRetry message={test.error.message} onRetry={onTest} />}
      {connection.error && test.kind !== 'failed' && <ErrorWithRetry message={connection.error.message} onRetry={() => void onSave()} />}
    </form>
  );
}
