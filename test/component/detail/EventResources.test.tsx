import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { EventDetail } from '../../../renderer/features/detail/EventDetail';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const opened = {
  eventID: 'e1',
  eventTime: '2026-11-20T10:00:00Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'AuthorizeSecurityGroupIngress',
  userIdentity: { type: 'IAMUser', userName: 'alice' },
  requestParameters: {
    groupId: 'sg-0a7c3e19d2b4f6a81',
    ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] },
  },
};

describe('the event detail’s resources', () => {
  it('lists what the request parameters name, each with its kind', () => {
    render(<EventDetail event={normalizeEvent(opened)} onClose={() => {}} />);
    const items = [...screen.getByRole('region', { name: 'Resources' }).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Security group sg-0a7c3e19d2b4f6a81', 'Ingress rule tcp 22 from 0.0.0.0/0']);
  });

  it('shows a hostile resource name as visible text, never as markup', () => {
    const hostile = {
      ...opened,
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      requestParameters: { userName: '<img src=x onerror=alert(1)>\u202Eevil' },
    };
    render(<EventDetail event={normalizeEvent(hostile)} onClose={() => {}} />);
    const section = screen.getByRole('region', { name: 'Resources' });
    expect(section.querySelector('img')).toBeNull();
    expect(section.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(section.textContent).not.toContain('\u202E');
  });
});
