import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { rememberedSource } from '../../../renderer/features/investigation/useRememberedSource';
import { defaultSourceValues } from '../../../renderer/features/investigation/source-model';
import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const GB = 2 ** 30;
/** 500 GB in 1,234 objects over 8 days: $2.27 at $5 a TB. */
const costly = { bytes: 500 * GB, billedBytes: 500 * GB, usd: (500 / 1024) * 5 * (1 - 0.0703125), days: 8, objects: 1234 };

function openAthena(threshold?: string) {
  fake.current!.api.estimateAthenaScan.mockImplementation(() => Promise.resolve({ ok: true as const, data: costly }));
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
  fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
  fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
  if (threshold !== undefined) fireEvent.change(screen.getByLabelText('Ask before a query costing more than $'), { target: { value: threshold } });
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
}

const dialog = () => screen.findByRole('dialog', { name: 'Run this Athena query?' });

describe('Fetch from Athena above the analyst’s threshold', () => {
  it('shows the scan in human units, its cost and partitions, and Cancel starts nothing', async () => {
    openAthena();
    const asked = await dialog();
    expect(fake.current!.api.estimateAthenaScan).toHaveBeenCalledWith(expect.objectContaining({ identity: { kind: 'user', userName: 'alice' }, source: { kind: 'athena', database: 'security', table: 'cloudtrail_logs' } }));
    expect(asked.textContent).toMatch(/It would cost about \$2\.27, more than your threshold of \$1\.00/);
    expect(within(asked).getByText('up to 500 GB')).toBeTruthy();
    expect(within(asked).getByText('8 days, 1,234 objects')).toBeTruthy();
    expect(within(asked).getByText('security.cloudtrail_logs')).toBeTruthy();
    // The focus starts on Cancel: Enter alone never pays.
    expect(document.activeElement).toBe(within(asked).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(asked).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.current!.api.startFetch).not.toHaveBeenCalled();
  });

  it('Run query starts the fetch carrying the accepted estimate and the threshold', async () => {
    openAthena('0.5');
    const asked = await dialog();
    expect(asked.textContent).toMatch(/more than your threshold of \$0\.50/);
    fireEvent.click(within(asked).getByRole('button', { name: 'Run query ($2.27)' }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
    expect(fake.current!.api.startFetch).toHaveBeenCalledWith(
      expect.objectContaining({ source: { kind: 'athena', database: 'security', table: 'cloudtrail_logs', maxCostUsd: 0.5, confirmedUsd: costly.usd } }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    // The threshold is remembered with the profile's source; the accepted estimate is not.
    expect(rememberedSource('demo', defaultSourceValues)).toEqual(expect.objectContaining({ kind: 'athena', maxCost: '0.5' }));
  });

  it('starts at once when the estimate is within the threshold the analyst set', async () => {
    openAthena('5');
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
    expect(fake.current!.api.startFetch).toHaveBeenCalledWith(expect.objectContaining({ source: expect.not.objectContaining({ confirmedUsd: expect.anything() }) }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says why the scan could not be estimated, and starts nothing', async () => {
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
    fake.current!.api.estimateAthenaScan.mockImplementation(() =>
      Promise.resolve({ ok: false as const, error: { code: 'ACCESS_DENIED' as const, message: 'The scan could not be estimated, so the query was not run. It needs s3:ListBucket on the trail’s bucket.' } }) as never,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
    fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be estimated.*s3:ListBucket/);
    expect(fake.current!.api.startFetch).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses a threshold that is not an amount in dollars, under its field', async () => {
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=7d" profile="demo" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
    fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
    const field = screen.getByLabelText('Ask before a query costing more than $');
    fireEvent.change(field, { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toMatch(/in dollars, such as 1\.00/);
    expect(fake.current!.api.estimateAthenaScan).not.toHaveBeenCalled();
  });
});
