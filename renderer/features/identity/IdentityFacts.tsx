import type { IdentityContext } from '../../../shared/iam/types';
import { daysAgo, utcText } from './identity-format';

const notRead = <span className="muted">not read (see above)</span>;

function Policies({ context }: { context: IdentityContext }) {
  if (context.policies.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="identity-policies">
      {context.policies.map((policy) => (
        <li key={`${policy.source.kind}-${policy.source.name}-${policy.name}`}>
          {policy.quarantine && <span className="badge badge-warn">quarantine</span>} <strong>{policy.name}</strong>{' '}
          <span className="muted">
            {policy.kind}, {policy.source.kind === 'group' ? `via group ${policy.source.name}` : `on the ${policy.source.kind}`}
          </span>
          {policy.document !== null ? (
            <details>
              <summary>Document</summary>
              {/* The document is IAM's text: shown as text, never as markup. */}
              <pre className="identity-document">{JSON.stringify(policy.document, null, 2)}</pre>
            </details>
          ) : (
            <span className="muted"> (document not readable)</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Keys({ keys, now }: { keys: NonNullable<IdentityContext['accessKeys']>; now: number }) {
  if (keys.length === 0) return <p className="muted">No access keys.</p>;
  return (
    <table className="identity-keys">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.accessKeyId}>
            <td>
              <code>{key.accessKeyId}</code>
            </td>
            <td>{key.status}</td>
            <td>
              {utcText(key.createDate)} {daysAgo(key.createDate, now) !== null && <span className="muted">({daysAgo(key.createDate, now)} days)</span>}
            </td>
            <td>{key.lastUsed ? `${utcText(key.lastUsed.date)} ${key.lastUsed.serviceName ?? ''} ${key.lastUsed.region ?? ''}` : 'never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The facts IAM holds about the identity: groups, policies, boundary, keys, MFA, console, services last accessed, tags. */
export function IdentityFacts({ context, now }: { context: IdentityContext; now: number }) {
  const services = context.servicesLastAccessed;
  return (
    <div className="identity-facts">
      {context.kind === 'user' && (
        <div>
          <h4>Groups</h4>
          {context.groups === null ? notRead : context.groups.length === 0 ? <p className="muted">None.</p> : <p>{context.groups.map((group) => group.name).join(', ')}</p>}
        </div>
      )}
      <div>
        <h4>Policies</h4>
        <Policies context={context} />
        <p>Permissions boundary: {context.permissionsBoundary?.arn ?? 'none'}</p>
      </div>
      {context.kind === 'user' && (
        <div>
          <h4>Credentials</h4>
          {context.accessKeys === null ? notRead : <Keys keys={context.accessKeys} now={now} />}
          <p>
            MFA: {context.mfaDevices === null ? notRead : context.mfaDevices.length === 0 ? <strong>none</strong> : context.mfaDevices.map((device) => device.serialNumber).join(', ')}
          </p>
          <p>
            Console:{' '}
            {context.console === null ? notRead : context.console.enabled ? `password set ${utcText(context.console.createDate)}, last sign-in ${utcText(context.console.lastUsed, 'never')}` : 'no console password'}
          </p>
        </div>
      )}
      {context.role && <p>Role last used: {utcText(context.role.lastUsed?.date, 'never')} {context.role.lastUsed?.region ?? ''}</p>}
      <div>
        <h4>Services last accessed</h4>
        {services === null ? (
          notRead
        ) : (
          <>
            <p className="muted">{services.note}</p>
            <ul className="identity-services">
              {services.services.filter((service) => service.lastAuthenticated).map((service) => (
                <li key={service.serviceNamespace}>
                  <code>{service.serviceNamespace}</code> {utcText(service.lastAuthenticated)} {service.lastAuthenticatedRegion ?? ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {context.tags.length > 0 && <p>Tags: {context.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}</p>}
    </div>
  );
}
