import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { checkExternalUrl } from '../../../main/security/external-links';
import { attackUrl, isAttackId } from '../../../renderer/features/findings/attack-link';

const openExternal = vi.hoisted(() => vi.fn((input: { url: string }) => Promise.resolve({ ok: true as const, data: { opened: true, url: input.url } })));
vi.mock('../../../renderer/api/bridge', () => ({ hostKind: 'web', api: { openExternal } }));

const { AttackLinks } = await import('../../../renderer/features/findings/AttackLinks');

afterEach(() => {
  cleanup();
  openExternal.mockClear();
});

const hostileIds = [
  'javascript:alert(1)',
  'T1098/../../../evil',
  'T1098?x=1',
  'T1098#x',
  'T1098.001/',
  ' T1098',
  'T1098 ',
  't1098',
  'T109',
  'T10981',
  'T1098.01',
  'T1098.0011',
  'TA0001',
  'T１０９８',
  'T1098\u202E',
  'https://evil.test/T1098',
  '',
];

describe('MITRE ATT&CK links', () => {
  it('builds technique and sub-technique pages on attack.mitre.org', () => {
    expect(attackUrl('T1098')).toBe('https://attack.mitre.org/techniques/T1098/');
    expect(attackUrl('T1562.008')).toBe('https://attack.mitre.org/techniques/T1562/008/');
  });

  it.each(hostileIds)('refuses %j', (id) => {
    expect(isAttackId(id)).toBe(false);
    expect(attackUrl(id)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 1098, ['T1098'], { toString: () => 'T1098' }]) expect(attackUrl(value)).toBeNull();
  });

  it('passes the host allow-list, which holds attack.mitre.org exactly', () => {
    expect(checkExternalUrl(attackUrl('T1562.008')!)).toBe('https://attack.mitre.org/techniques/T1562/008/');
    for (const url of ['http://attack.mitre.org/techniques/T1098/', 'https://attack.mitre.org.evil.test/', 'https://evil.attack.mitre.org/', 'https://attack.mitre.org@evil.test/', 'https://attack.mitre.org:8443/'])
      expect(checkExternalUrl(url)).toBeNull();
  });

  it('asks the host to open the page, and shows a hostile id as text without a link', async () => {
    const { container } = render(<AttackLinks ids={['T1090.003', '<img src=x onerror=alert(1)>', 'javascript:alert(1)']} />);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(container.querySelector('a, img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    fireEvent.click(screen.getByRole('button', { name: 'MITRE ATT&CK T1090.003' }));
    await waitFor(() => expect(openExternal).toHaveBeenCalledWith({ url: 'https://attack.mitre.org/techniques/T1090/003/' }));
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('says so when the host cannot open links', async () => {
    openExternal.mockImplementationOnce(() => Promise.resolve({ ok: true as const, data: { opened: false, url: null } }) as never);
    render(<AttackLinks ids={['T1098']} />);
    fireEvent.click(screen.getByRole('button', { name: 'MITRE ATT&CK T1098' }));
    expect(await screen.findByText(/This window cannot open links: https:\/\/attack.mitre.org\/techniques\/T1098\//)).toBeTruthy();
  });
});
