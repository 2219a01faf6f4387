import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { FetchQuery, FetchSource } from '../../../shared/api/fetch-contract';
import { defaultFormValues, valuesFromQuery } from '../../../renderer/features/investigation/form-model';
import type { FormValues } from '../../../renderer/features/investigation/form-model';
import { FetchedHeader } from '../../../renderer/features/workspace/FetchedHeader';

afterEach(cleanup);

const NOW = Date.parse('2026-11-20T12:00:00Z');

function query(source: FetchSource | undefined, followSessions = true): FetchQuery {
  return {
    profile: 'demo',
    regions: ['us-east-1'],
    identity: { kind: 'user', userName: 'alice' },
    start: '2026-11-13T12:00:00.000Z',
    end: '2026-11-20T12:00:00.000Z',
    followSessions,
    ...(source ? { source } : {}),
  } as FetchQuery;
}

/** The header of `fetched`, with the form as it was fetched (or as `values` says). */
function header(fetched: FetchQuery, values: FormValues = valuesFromQuery(fetched)) {
  render(<FetchedHeader query={fetched} values={values} profile="demo" now={NOW} />);
  return screen.getByTestId('fetched-header');
}

/** The value of the header's fact named `term`, or null when the header has no such fact. */
function fact(term: string): string | null {
  const dt = within(screen.getByTestId('fetched-header')).queryByText(term, { selector: 'dt' });
  return dt ? (dt.nextElementSibling?.textContent ?? '') : null;
}

describe('the header of what was fetched, by source', () => {
  it('says Follow sessions for LookupEvents, which follows them, and names no place', () => {
    header(query(undefined, false));
    expect(fact('Source')).toBe('LookupEvents · profile demo');
    expect(fact('Follow sessions')).toBe('off');
    for (const term of ['Path', 'S3 URL', 'Table']) expect(fact(term)).toBeNull();
  });

  it('for log files, shows the folder read and no Follow sessions (files do not follow them)', () => {
    header(query({ kind: 'files', path: '/home/analyst/cases/4711' }, true));
    expect(fact('Source')).toBe('Log files · profile demo');
    expect(fact('Path')).toBe('/home/analyst/cases/4711');
    expect(fact('Follow sessions')).toBeNull();
  });

  it('for S3, shows the s3:// URL; for Athena, the DATABASE.TABLE', () => {
    header(query({ kind: 's3', url: 's3://trail-bucket/AWSLogs/o-abc123/' }));
    expect(fact('Source')).toBe('S3 · profile demo');
    expect(fact('S3 URL')).toBe('s3://trail-bucket/AWSLogs/o-abc123/');
    expect(fact('Follow sessions')).toBeNull();
    cleanup();
    header(query({ kind: 'athena', database: 'security', table: 'cloudtrail_logs', workgroup: 'primary' }));
    expect(fact('Source')).toBe('Athena · profile demo');
    expect(fact('Table')).toBe('security.cloudtrail_logs');
    expect(fact('Follow sessions')).toBeNull();
  });

  it('cuts a very long path in its middle, keeping both ends, with the whole path as its title', () => {
    const path = `/home/analyst/cases/4711/${'nested/'.repeat(20)}AWSLogs/111122223333/CloudTrail/us-east-1/2026/11`;
    header(query({ kind: 'files', path }));
    const shown = fact('Path')!;
    expect(shown.length).toBeLessThanOrEqual(72);
    expect(shown.startsWith('/home/analyst/cases/')).toBe(true);
    expect(shown.endsWith('CloudTrail/us-east-1/2026/11')).toBe(true);
    expect(shown).toContain('…');
    expect(screen.getByTitle(path).textContent).toBe(shown);
  });

  it('shows a hostile path as inert text, its control characters made visible', () => {
    const path = '/tmp/<img src=x onerror=alert(1)>\u202e/logs';
    const element = header(query({ kind: 'files', path }));
    expect(element.querySelector('img')).toBeNull();
    expect(fact('Path')).toContain('<img src=x onerror=alert(1)>');
    expect(fact('Path')).not.toContain('\u202e');
  });

  it('does not count the follow-sessions box as a difference for a source that ignores it', () => {
    const fetched = query({ kind: 'files', path: '/logs' }, true);
    header(fetched, { ...valuesFromQuery(fetched), followSessions: false });
    expect(within(screen.getByTestId('fetched-header')).getByRole('status').textContent).toBe('');
  });

  it('still says a changed follow-sessions box for LookupEvents', () => {
    const fetched = query(undefined, true);
    header(fetched, { ...defaultFormValues, ...valuesFromQuery(fetched), followSessions: false });
    expect(within(screen.getByTestId('fetched-header')).getByRole('status').textContent).toContain('follow sessions');
  });
});
