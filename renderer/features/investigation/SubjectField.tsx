import type { FetchSourceKind, SubjectKind } from '../../../shared/api/fetch-contract';
import { subjectKindsOf } from './source-model';

export interface SubjectFieldProps {
  source: FetchSourceKind;
  kind: SubjectKind;
  value: string;
  onChange(kind: SubjectKind, value: string): void;
  error: string | undefined;
  /** Values recently investigated with this kind, offered as the field is typed. */
  recent: string[];
}

const kindLabels: Record<SubjectKind, string> = {
  user: 'User or role session',
  accessKey: 'Access key id',
  ip: 'Source address',
  role: 'Role (every session)',
  resource: 'Resource (name or ARN)',
};

const placeholders: Record<SubjectKind, string> = {
  user: 'e.g. alice',
  accessKey: 'AKIA… or ASIA…',
  ip: 'e.g. 203.0.113.7',
  role: 'e.g. deploy-prod',
  resource: 'e.g. arn:aws:s3:::exports',
};

const allKinds: readonly SubjectKind[] = ['user', 'accessKey', 'ip', 'role', 'resource'];

/**
 * Who (or what) to investigate: an identity for every source; a source address or a role only for
 * the sources that read the records (LookupEvents has no such attribute: those options are shown
 * but disabled, saying why).
 */
export function SubjectField({ source, kind, value, onChange, error, recent }: SubjectFieldProps) {
  const allowed = subjectKindsOf(source);
  return (
    <div className="form-field">
      <label className="field-label" htmlFor="identity-value">
        Identity
      </label>
      <div className="row">
        <select aria-label="Identity kind" className="subject-kind" value={kind} onChange={(e) => onChange(e.target.value as SubjectKind, value)}>
          {allKinds.map((option) => (
            <option key={option} value={option} disabled={!allowed.includes(option) && option !== kind}>
              {allowed.includes(option) ? kindLabels[option] : `${kindLabels[option]} (not LookupEvents)`}
            </option>
          ))}
        </select>
        <input
          id="identity-value"
          list="recent-identities"
          placeholder={placeholders[kind]}
          value={value}
          onChange={(e) => onChange(kind, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'identity-error' : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="recent-identities">
          {recent.map((item) => (
            <option key={item} value={item} />
          ))}
        </datalist>
      </div>
      {error && (
        <span className="field-error" id="identity-error">
          {error}
        </span>
      )}
    </div>
  );
}
