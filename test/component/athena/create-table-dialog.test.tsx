import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const LOCATION = 's3://trail-bucket/AWSLogs/o-abcdef1234/111122223333/CloudTrail/us-east-1/';
/** The host's DDL, with text that would be markup if it were rendered as HTML. */
const DDL = `CREATE EXTERNAL TABLE \`security\`.\`cloudtrail_logs\`(\n    eventversion STRING\n  )\nLOCATION\n  '${LOCATION}' -- <img src=x onerror=alert(1)>`;
const missing = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'There is no table security.cloudtrail_logs in Athena’s data catalog.', fields: { 'source.table': 'missing' } } };
const estimate = { ok: true as const, data: { bytes: 0, billedBytes: 10 * 2 ** 20, usd: 0.0000476837158203125, days: 1, objects: 0 } };

const api = {
  athenaTableDdl: vi.fn((_: { location: string }) => Promise.resolve({ ok: true as const, data: { ddl: DDL } })),
  createAthenaTable: vi.fn((_: object): Promise<unknown> => Promise.resolve({ ok: true as const, data: { table: 'security.cloudtrail_logs', queryId: 'q-1' } })),
};
beforeEach(() => {
  api.athenaTableDdl.mockClear();
  api.createAthenaTable.mockClear();
  Object.assign(fake.current!.api, api);
  fake.current!.api.estimateAthenaScan.mockImplementation(() => Promise.resolve(missing) as never);
});

/** Fetch from an Athena table the estimate says is missing, then open Create table… */
async function openDialog() {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
  fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
  fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
  fireEvent.change(screen.getByLabelText('Workgroup (optional)'), { target: { value: 'forensics' } });
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/no table security\.cloudtrail_logs/);
  fireEvent.click(screen.getByRole('button', { name: 'Create table…' }));
  return screen.findByRole('dialog', { name: 'Create the Athena table security.cloudtrail_logs' });
}

const createButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /^Creat(e table|ing) security\.cloudtrail_logs/ });
const folder = (dialog: HTMLElement) => within(dialog).getByLabelText("Trail's S3 folder") as HTMLInputElement;

describe('Create table… for a missing Athena table', () => {
  it('is offered beside the missing-table error only, not beside any other estimate error', async () => {
    fake.current!.api.estimateAthenaScan.mockImplementation(() => Promise.resolve({ ok: false as const, error: { code: 'ACCESS_DENIED' as const, message: 'It needs s3:ListBucket.' } }) as never);
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
    fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Create table…' })).toBeNull();
  });

  it('says this writes to AWS, checks the folder as typed, and asks for no DDL until it is valid', async () => {
    const dialog = await openDialog();
    expect(dialog.textContent).toMatch(/This writes to AWS: it creates the table security\.cloudtrail_logs in the Glue Data Catalog/);
    expect(createButton(dialog)).toHaveProperty('disabled', true);
    fireEvent.change(folder(dialog), { target: { value: 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/' } });
    expect(folder(dialog).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(folder(dialog).getAttribute('aria-describedby')!)!.textContent).toMatch(/Add the region folder after CloudTrail\//);
    expect(within(dialog).getByText(/appears once the folder is valid/)).toBeTruthy();
    expect(createButton(dialog)).toHaveProperty('disabled', true);
    expect(api.athenaTableDdl).not.toHaveBeenCalled();
  });

  it('shows the host’s exact DDL as text, never as markup', async () => {
    const dialog = await openDialog();
    fireEvent.change(folder(dialog), { target: { value: LOCATION } });
    const statement = await within(dialog).findByLabelText('The statement that will run');
    expect(statement.textContent).toBe(DDL);
    expect(statement.querySelector('img')).toBeNull();
    expect(api.athenaTableDdl).toHaveBeenLastCalledWith({ database: 'security', table: 'cloudtrail_logs', location: LOCATION });
    expect(createButton(dialog)).toHaveProperty('disabled', false);
  });

  it('creates once on a double click, with the confirmation naming the table, then closes and Fetch estimates again', async () => {
    let finish: (value: unknown) => void = () => {};
    api.createAthenaTable.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const dialog = await openDialog();
    fireEvent.change(folder(dialog), { target: { value: LOCATION } });
    await within(dialog).findByLabelText('The statement that will run');
    fireEvent.click(createButton(dialog));
    fireEvent.click(createButton(dialog));
    expect(api.createAthenaTable).toHaveBeenCalledTimes(1);
    expect(api.createAthenaTable).toHaveBeenCalledWith({
      profile: 'demo',
      database: 'security',
      table: 'cloudtrail_logs',
      location: LOCATION,
      workgroup: 'forensics',
      confirmation: 'security.cloudtrail_logs',
    });
    expect(createButton(dialog).textContent).toBe('Creating security.cloudtrail_logs…');
    expect(createButton(dialog)).toHaveProperty('disabled', true);
    await act(async () => finish({ ok: true, data: { table: 'security.cloudtrail_logs', queryId: 'q-1' } }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/Created security\.cloudtrail_logs\. Fetch events checks the scan's cost first/)).toBeTruthy();
    expect(fake.current!.api.startFetch).not.toHaveBeenCalled();

    fake.current!.api.estimateAthenaScan.mockImplementation(() => Promise.resolve(estimate) as never);
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
    expect(fake.current!.api.estimateAthenaScan).toHaveBeenCalledTimes(2);
  });

  it('shows Athena’s refusal as text and keeps the folder as typed', async () => {
    api.createAthenaTable.mockImplementationOnce(() =>
      Promise.resolve({ ok: false, error: { code: 'ACCESS_DENIED', message: 'The table was not created. <b>Profile "demo"</b> may not use Athena here. It also needs glue:CreateTable.' } }),
    );
    const dialog = await openDialog();
    fireEvent.change(folder(dialog), { target: { value: LOCATION } });
    await within(dialog).findByLabelText('The statement that will run');
    fireEvent.click(createButton(dialog));
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toBe('The table was not created. <b>Profile "demo"</b> may not use Athena here. It also needs glue:CreateTable.');
    expect(refusal.querySelector('b')).toBeNull();
    expect(folder(dialog).value).toBe(LOCATION);
    expect(createButton(dialog)).toHaveProperty('disabled', false);
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('is offered where the fetch failed too, when the table went missing after the estimate', async () => {
    fake.current!.api.estimateAthenaScan.mockImplementation(() => Promise.resolve(estimate) as never);
    fake.current!.api.startFetch.mockImplementationOnce(() => Promise.resolve(missing) as never);
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
    fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    const failed = await screen.findByTestId('fetch-failed');
    expect(failed.textContent).toMatch(/no table security\.cloudtrail_logs/);
    fireEvent.click(within(failed).getByRole('button', { name: 'Create table…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create the Athena table security.cloudtrail_logs' });
    fireEvent.change(folder(dialog), { target: { value: LOCATION } });
    await within(dialog).findByLabelText('The statement that will run');
    fireEvent.click(createButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.createAthenaTable).toHaveBeenCalledTimes(1);
    expect(within(failed).getByRole('status').textContent).toMatch(/Created security\.cloudtrail_logs\. Fetch events checks the scan's cost first/);
    expect(within(failed).queryByRole('button', { name: 'Create table…' })).toBeNull();
  });
});
