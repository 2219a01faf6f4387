import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { FetchQuery } from '../../../shared/api/fetch-contract';
import type { FetchSource } from '../../../shared/api/fetch-contract';
import { normalizeEvent } from '../../../shared/records/normalize';
import { PivotContext } from '../../../renderer/features/pivots/pivot-context';
import { WhoElseButton } from '../../../renderer/features/pivots/WhoElseButton';
import { WhoElseMenu } from '../../../renderer/features/pivots/WhoElseMenu';

afterEach(cleanup);

function queryOn(source: FetchSource) {
  return FetchQuery.parse({
    profile: 'prod',
    regions: ['us-east-1'],
    identity: { kind: 'user', userName: 'jmorales' },
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-08T00:00:00Z',
    source,
  });
}

const event = normalizeEvent({
  eventID: 'e-1',
  eventTime: '2026-11-02T10:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  sourceIPAddress: '203.0.113.9',
  userIdentity: {
    type: 'AssumedRole',
    arn: 'arn:aws:sts::111122223333:assumed-role/Admin/jmorales',
    accessKeyId: 'ASIAEXAMPLESESSION01',
    sessionContext: { sessionIssuer: { type: 'Role', userName: 'Admin', arn: 'arn:aws:iam::111122223333:role/Admin' } },
  },
  requestParameters: { bucketName: 'payroll-exports', key: 'q3.csv' },
});

function withPivots(source: FetchSource, children: ReactNode) {
  const open = vi.fn();
  render(<PivotContext.Provider value={{ current: queryOn(source), open }}>{children}</PivotContext.Provider>);
  return open;
}

function openMenu() {
  fireEvent.keyDown(screen.getByRole('button', { name: 'Who else…' }), { key: 'Enter' });
}

describe('the Who else menu of the event detail', () => {
  it('on LookupEvents, disables the address with the reason and offers the key and the resources', () => {
    const open = withPivots({ kind: 'lookup' }, <WhoElseMenu event={event} />);
    openMenu();
    const address = screen.getByRole('menuitem', { name: 'Who else used 203.0.113.9' });
    expect(address.getAttribute('aria-disabled')).toBe('true');
    expect(address.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(address.getAttribute('aria-describedby')!)?.textContent).toMatch(/LookupEvents cannot filter by source address/);
    expect(screen.getByRole('menuitem', { name: 'Who else used role Admin' }).getAttribute('aria-disabled')).toBe('true');
    const key = screen.getByRole('menuitem', { name: 'Who else used access key ASIAEXAMPLESESSION01' });
    expect(key.getAttribute('aria-disabled')).toBeNull();
    const bucket = screen.getByRole('menuitem', { name: 'Who else touched S3 bucket payroll-exports' });
    expect(bucket.getAttribute('aria-disabled')).toBeNull();
    expect(document.getElementById(bucket.getAttribute('aria-describedby')!)?.textContent).toMatch(/resources CloudTrail lists/);
    fireEvent.click(address);
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(key);
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ identity: { kind: 'accessKey', accessKeyId: 'ASIAEXAMPLESESSION01' }, source: { kind: 'lookup' } }));
  });

  it('on log files, opens everyone from the address over the same source and range', () => {
    const open = withPivots({ kind: 'files', path: '/cases/4711' }, <WhoElseMenu event={event} />);
    openMenu();
    expect(screen.getAllByRole('menuitem').map((item) => item.getAttribute('aria-disabled'))).not.toContain('true');
    expect(screen.getByRole('menuitem', { name: 'Who else touched S3 bucket payroll-exports' })).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Who else used 203.0.113.9' }));
    expect(open).toHaveBeenCalledWith(
      expect.objectContaining({
        identity: { kind: 'ip', address: '203.0.113.9' },
        source: { kind: 'files', path: '/cases/4711' },
        start: '2026-11-01T00:00:00Z',
        end: '2026-11-08T00:00:00Z',
        regions: ['us-east-1'],
      }),
    );
  });

  it('is absent where no investigation is on view', () => {
    render(<WhoElseMenu event={event} />);
    expect(screen.queryByRole('button', { name: 'Who else…' })).toBeNull();
  });
});

describe('the Who else button beside an address', () => {
  it('on LookupEvents, stays focusable but does nothing, and says why', () => {
    const open = withPivots({ kind: 'lookup' }, <WhoElseButton address="203.0.113.9" />);
    const button = screen.getByRole('button', { name: 'Who else used 203.0.113.9' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('title')).toMatch(/LookupEvents cannot filter by source address/);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toMatch(/log files, S3 or Athena/);
    fireEvent.click(button);
    expect(open).not.toHaveBeenCalled();
  });

  it('on S3, opens the pivot', () => {
    const open = withPivots({ kind: 's3', url: 's3://trail-bucket/AWSLogs/' }, <WhoElseButton address="203.0.113.9" />);
    fireEvent.click(screen.getByRole('button', { name: 'Who else used 203.0.113.9' }));
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ identity: { kind: 'ip', address: '203.0.113.9' } }));
  });

  it('is absent for what is not an address', () => {
    withPivots({ kind: 'files', path: '/cases/4711' }, <WhoElseButton address="AWS Internal" />);
    expect(screen.queryByRole('button', { name: /Who else/ })).toBeNull();
  });
});
