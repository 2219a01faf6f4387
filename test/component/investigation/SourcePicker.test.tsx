import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { FormValues } from '../../../renderer/features/investigation/form-model';
import { defaultFormValues } from '../../../renderer/features/investigation/form-model';
import { InvestigationForm } from '../../../renderer/features/investigation/InvestigationForm';
import { createFakeApi } from '../workspace/fake-api';

const holder = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeApi> | null }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(holder));

beforeEach(() => {
  holder.current = createFakeApi();
  localStorage.clear();
});
afterEach(cleanup);

function Form({ onFetch = () => {}, profile = 'analyst', initial = {} }: { onFetch?: (query: FetchQuery) => void; profile?: string; initial?: Partial<FormValues> }) {
  const [values, setValues] = useState<FormValues>({ ...defaultFormValues, identityValue: 'alice', ...initial });
  return <InvestigationForm profile={profile} values={values} onChange={setValues} onFetch={onFetch} busy={false} notices={[]} />;
}

const source = () => screen.getByRole('combobox', { name: 'Source' }) as HTMLSelectElement;
const kind = () => screen.getByRole('combobox', { name: 'Identity kind' }) as HTMLSelectElement;
const fetchButton = () => screen.getByRole('button', { name: /^Fetch/ });

describe('the source picker', () => {
  it('starts on LookupEvents, named with its 90 days, and offers log files, S3 and Athena, by short names', () => {
    render(<Form />);
    expect(source().value).toBe('lookup');
    expect([...source().options].map((option) => option.text)).toEqual(['LookupEvents (90 days)', 'Log files', 'S3 bucket', 'Athena table']);
  });

  it('says what the chosen source is beside its label, read with the select', () => {
    render(<Form />);
    const detail = () => document.getElementById(source().getAttribute('aria-describedby')!)!.textContent;
    expect(detail()).toBe('CloudTrail’s API, management events');
    fireEvent.change(source(), { target: { value: 'files' } });
    expect(detail()).toBe('.json or .json.gz on this machine');
    fireEvent.change(source(), { target: { value: 's3' } });
    expect(detail()).toMatch(/cached once read/);
    fireEvent.change(source(), { target: { value: 'athena' } });
    expect(detail()).toMatch(/cost asked first/);
    // The detail is not part of the select's name.
    expect(screen.getByRole('combobox', { name: 'Source' })).toBe(source());
  });

  it('fetches from a folder of log files, by a labelled path field', () => {
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    fireEvent.change(source(), { target: { value: 'files' } });
    fireEvent.change(screen.getByLabelText('Folder or file'), { target: { value: '/var/log/trail' } });
    fireEvent.click(fetchButton());
    expect(onFetch).toHaveBeenCalledWith(expect.objectContaining({ source: { kind: 'files', path: '/var/log/trail' }, identity: { kind: 'user', userName: 'alice' } }));
  });

  it('says under the field what is missing or wrong, tied to it, and refuses to fetch', () => {
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    fireEvent.change(source(), { target: { value: 's3' } });
    fireEvent.click(fetchButton());
    const url = screen.getByLabelText('S3 URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(url.getAttribute('aria-describedby')!)!.textContent).toMatch(/s3:\/\/my-trail-bucket/);
    fireEvent.change(url, { target: { value: 'https://bucket/x' } });
    expect(screen.getByText(/An S3 URL such as/)).toBeTruthy();
    fireEvent.change(url, { target: { value: 's3://my-trail-bucket/AWSLogs/' } });
    expect(url.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(fetchButton());
    expect(onFetch).toHaveBeenCalledWith(expect.objectContaining({ source: { kind: 's3', url: 's3://my-trail-bucket/AWSLogs/' } }));
  });

  it('shows a format error once the field is left, before any Fetch', () => {
    render(<Form />);
    fireEvent.change(source(), { target: { value: 'files' } });
    const path = screen.getByLabelText('Folder or file');
    fireEvent.change(path, { target: { value: 'relative/logs' } });
    expect(path.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(path);
    expect(path.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/An absolute path/)).toBeTruthy();
  });

  it('takes an Athena table as DATABASE.TABLE with an optional workgroup and results location', async () => {
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    fireEvent.change(source(), { target: { value: 'athena' } });
    fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
    fireEvent.change(screen.getByLabelText('Workgroup (optional)'), { target: { value: 'primary' } });
    fireEvent.click(fetchButton());
    // Started once its scan's estimate ($0.20 at the fake) is under the default $1.00 threshold.
    await waitFor(() =>
      expect(onFetch).toHaveBeenCalledWith(
        expect.objectContaining({ source: { kind: 'athena', database: 'security', table: 'cloudtrail_logs', workgroup: 'primary' } }),
      ),
    );
  });

  it('offers an address and a role only for sources that read the records', () => {
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    const option = (value: string) => [...kind().options].find((o) => o.value === value)!;
    expect(option('ip').disabled).toBe(true);
    expect(option('role').disabled).toBe(true);
    expect(option('resource').disabled).toBe(false);
    fireEvent.change(source(), { target: { value: 'files' } });
    expect(option('ip').disabled).toBe(false);
    fireEvent.change(kind(), { target: { value: 'ip' } });
    fireEvent.change(screen.getByLabelText('Identity'), { target: { value: '203.0.113.7' } });
    fireEvent.change(screen.getByLabelText('Folder or file'), { target: { value: '/logs' } });
    fireEvent.click(fetchButton());
    expect(onFetch).toHaveBeenCalledWith(expect.objectContaining({ identity: { kind: 'ip', address: '203.0.113.7' } }));
    // Back to LookupEvents with an address: said, not fetched.
    onFetch.mockClear();
    fireEvent.change(source(), { target: { value: 'lookup' } });
    fireEvent.click(fetchButton());
    expect(onFetch).not.toHaveBeenCalled();
    expect(screen.getByText(/LookupEvents cannot search by address or role/)).toBeTruthy();
  });

  it('shows Follow sessions off and disabled for the sources that do not follow them, and keeps the choice for LookupEvents', () => {
    render(<Form />);
    const follow = () => screen.getByRole('checkbox', { name: 'Follow sessions' }) as HTMLInputElement;
    expect(follow()).toMatchObject({ checked: true, disabled: false });
    for (const kind of ['files', 's3', 'athena']) {
      fireEvent.change(source(), { target: { value: kind } });
      expect(follow(), kind).toMatchObject({ checked: false, disabled: true });
    }
    fireEvent.change(source(), { target: { value: 'lookup' } });
    expect(follow()).toMatchObject({ checked: true, disabled: false });
  });

  it('is reached and changed from the keyboard: the source select is a labelled form control', () => {
    render(<Form />);
    source().focus();
    expect(document.activeElement).toBe(source());
    fireEvent.change(source(), { target: { value: 'files' } });
    expect(screen.getByRole('textbox', { name: 'Folder or file' })).toBeTruthy();
  });

  it('on the demo profile, picks the demo account’s log files with one click', async () => {
    render(<Form profile="demo" />);
    fireEvent.change(source(), { target: { value: 'files' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use the demo log files' }));
    await waitFor(() => expect((screen.getByLabelText('Folder or file') as HTMLInputElement).value).toBe('/cache/demo-log-files/current'));
    expect(holder.current!.api.prepareDemoLogFiles).toHaveBeenCalled();
  });

  it('remembers the source a profile fetched from', () => {
    render(<Form />);
    fireEvent.change(source(), { target: { value: 'files' } });
    fireEvent.change(screen.getByLabelText('Folder or file'), { target: { value: '/var/log/trail' } });
    fireEvent.click(fetchButton());
    expect(JSON.parse(localStorage.getItem('trailcase.sourceByProfile')!)).toEqual({ analyst: { kind: 'files', path: '/var/log/trail' } });
  });
});
