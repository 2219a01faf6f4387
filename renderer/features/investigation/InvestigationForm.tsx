import { useState } from 'react';
import type { FormEvent } from 'react';

import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { AthenaCostDialog } from '../athena/AthenaCostDialog';
import { AthenaProblem } from '../athena/AthenaProblem';
import { useAthenaCostCheck } from '../athena/useAthenaCostCheck';
import type { FormValues } from './form-model';
import { queryFromValues } from './form-model';
import { RegionPicker } from './RegionPicker';
import { SourcePicker } from './SourcePicker';
import { SubjectField } from './SubjectField';
import { TimeRangePicker } from './TimeRangePicker';
import { useRecentIdentities } from './useRecentIdentities';
import { rememberSource } from './useRememberedSource';
import './investigation.css';

export interface InvestigationFormProps {
  profile: string;
  values: FormValues;
  onChange(values: FormValues): void;
  onFetch(query: FetchQuery): void;
  busy: boolean;
  /** Problems with the deep link that filled the form. */
  notices: string[];
  /** Where the default regions came from, and why the account's list was not used (text). */
  regionsNote?: { text: string; detail: string | null };
  /** The default regions are still being read: Fetch waits for them. */
  regionsPending?: boolean;
}

/** Who, where and when to investigate; fetching starts only on the Fetch button. */
export function InvestigationForm({ profile, values, onChange, onFetch, busy, notices, regionsNote, regionsPending = false }: InvestigationFormProps) {
  // After a refused Fetch the messages follow the form as it is edited: each goes once fixed.
  const [tried, setTried] = useState(false);
  const { recent, remember } = useRecentIdentities();
  // An Athena query is estimated first, and waits for the analyst above their threshold.
  const athena = useAthenaCostCheck(onFetch);
  const now = Date.now();
  const checked = tried ? queryFromValues(profile, values, now) : null;
  const errors = checked && 'errors' in checked ? checked.errors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = queryFromValues(profile, values, Date.now());
    if ('errors' in result) {
      setTried(true);
      return;
    }
    setTried(false);
    remember({ kind: values.identityKind, value: values.identityValue.trim() });
    rememberSource(profile, sourceOf(result.query));
    void athena.check(result.query);
  };
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <form className="investigation-form" onSubmit={submit} aria-label="Investigation">
      <SourcePicker value={values.source} onChange={(source) => set('source', source)} errors={errors} demo={profile === 'demo'} />
      <SubjectField
        source={values.source.kind}
        kind={values.identityKind}
        value={values.identityValue}
        onChange={(kind, value) => onChange({ ...values, identityKind: kind, identityValue: value })}
        error={errors.identity}
        recent={recent.filter((item) => item.kind === values.identityKind).map((item) => item.value)}
      />
      <RegionPicker
        value={values.regions}
        onChange={(regions) => set('regions', regions)}
        everyRegionWhenNone={values.source.kind !== 'lookup'}
        {...(regionsNote ? { note: regionsNote.text, noteDetail: regionsNote.detail } : {})}
      />
      <TimeRangePicker value={values.range} onChange={(range) => set('range', range)} now={now} lookup={values.source.kind === 'lookup'} />
      {/* The two boxes stacked: one control high, so the Fetch button keeps its row at 1280 px. */}
      <div className="form-checks">
        {/* Log files, S3 and Athena do not yet follow the temporary keys an identity issued (a role session is still found by its name). */}
        <label className="check follow" title={values.source.kind === 'lookup' ? undefined : 'LookupEvents only, for now: log files, S3 and Athena find a role session by its name, not by the keys it was issued.'}>
          <input
            type="checkbox"
            // Shown off where it does not apply (as the header says); the choice is kept for LookupEvents.
            checked={values.followSessions && values.source.kind === 'lookup'}
            disabled={values.source.kind !== 'lookup'}
            onChange={(e) => set('followSessions', e.target.checked)}
          />
          Follow sessions
        </label>
        <label className="check follow" title="Also fetches the 90 days before the range (as far as LookupEvents keeps), after the range itself, under the same rate limit: more calls, but what is routine and what is new can then be told apart.">
          <input type="checkbox" checked={values.baseline} onChange={(e) => set('baseline', e.target.checked)} />
          Baseline (90 days before)
        </label>
      </div>
      <button type="submit" className="primary fetch-button" disabled={busy || athena.estimating || regionsPending || !profile}>
        {busy ? 'Fetching…' : athena.estimating ? 'Estimating the scan…' : 'Fetch events'}
      </button>
      <AthenaProblem problem={athena.problem} missing={athena.missing} created={athena.created} onCreated={athena.tableCreated} />
      <AthenaCostDialog pending={athena.pending} onConfirm={athena.confirm} onCancel={athena.cancel} />
      {(errors.regions || errors.profile || errors.form || errors.end) && <span className="field-error">{errors.regions ?? errors.profile ?? errors.form ?? errors.end}</span>}
      {notices.length > 0 && (
        <div role="status" className="form-notices">
          {notices.map((notice) => (
            <div key={notice}>{visibleText(notice)}</div>
          ))}
        </div>
      )}
    </form>
  );
}
