import { useState } from 'react';

import { siteOrigin } from '../../../shared/api/ticket-contract';
import type { useJiraConnection } from './useJiraConnection';

type Connection = ReturnType<typeof useJiraConnection>;

/**
 * Site, email and API token. The token goes to the host and is never read back: the form only
 * learns whether one is saved. Saving a different site forgets the old site's token.
 */
export function JiraConnectionForm({ connection }: { connection: Connection }) {
  const { info } = connection;
  const [site, setSite] = useState(info?.site ?? '');
  const [email, setEmail] = useState(info?.email ?? '');
  const [token, setToken] = useState('');
  const siteValid = siteOrigin(site) !== null;
  const changesSite = info?.site !== null && info?.site !== undefined && siteOrigin(site) !== info.site;

  const onSave = async () => {
    if (await connection.save({ site, email, token: token || null })) setToken('');
  };

  return (
    <form
      className="ticket-connection"
      aria-label="Jira connection"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      <label className="ticket-field">
        <span>Jira site</span>
        <input
          value={site}
          onChange={(event) => setSite(event.target.value)}
          placeholder="https://your-team.atlassian.net"
          aria-invalid={site !== '' && !siteValid}
        />
      </label>
      {site !== '' && !siteValid && <div className="ticket-field-error">Use an https address such as https://your-team.atlassian.net.</div>}
      <label className="ticket-field">
        <span>Email</span>
        <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="username" />
      </label>
      <label className="ticket-field">
        <span>API token</span>
        <input
          type="password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          autoComplete="off"
          placeholder={info?.hasToken && !changesSite ? 'saved (enter a new one to replace it)' : 'paste an API token'}
        />
      </label>
      {changesSite && info?.hasToken && <div className="ticket-help">Saving a different site forgets the token saved for {info.site}.</div>}
      {info?.warning && <div className="banner banner-warning">{info.warning}</div>}
      {connection.error && (
        <div role="alert" className="ticket-field-error">
          {connection.error.message}
        </div>
      )}
      <div className="ticket-actions">
        <button type="submit" disabled={!siteValid || email.trim() === ''}>
          Save connection
        </button>
        <button type="button" onClick={() => void connection.runTest()} disabled={!info?.hasToken || connection.test.kind === 'testing'}>
          Test connection
        </button>
        {info?.source === 'saved' && (
          <button type="button" className="ghost" onClick={() => void connection.forget()}>
            Forget
          </button>
        )}
      </div>
      {connection.test.kind === 'testing' && <div role="status">Testing…</div>}
      {connection.test.kind === 'ok' && (
        <div role="status" className="ticket-ok">
          Connected to {connection.test.site} as {connection.test.displayName}
          {connection.test.emailAddress ? ` (${connection.test.emailAddress})` : ''}.
        </div>
      )}
      {connection.test.kind === 'failed' && (
        <div role="alert" className="ticket-field-error">
          {connection.test.error.message}
        </div>
      )}
    </form>
  );
}
