import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { FormValues } from '../../../renderer/features/investigation/form-model';
import { defaultFormValues } from '../../../renderer/features/investigation/form-model';
import { InvestigationForm } from '../../../renderer/features/investigation/InvestigationForm';

afterEach(cleanup);

function Form({ onFetch = () => {}, initial = {} }: { onFetch?: () => void; initial?: Partial<FormValues> }) {
  const [values, setValues] = useState<FormValues>({ ...defaultFormValues, identityValue: 'alice', ...initial });
  return <InvestigationForm profile="demo" values={values} onChange={setValues} onFetch={onFetch} busy={false} notices={[]} />;
}

const day = 86_400_000;
const start = () => screen.getByLabelText('Start (UTC)') as HTMLInputElement;
const end = () => screen.getByLabelText('End (UTC)') as HTMLInputElement;
const spanDays = () => (Date.parse(`${end().value}:00Z`) - Date.parse(`${start().value}:00Z`)) / day;

describe('the time range', () => {
  it('offers 14 days among the presets', () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: '14d' }));
    expect(screen.getByRole('button', { name: '14d' }).getAttribute('aria-pressed')).toBe('true');
  });

  it("keeps the preset's span when switching to Custom", () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: '30d' }));
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    expect(spanDays()).toBe(30);
  });

  it('checks a custom range as it is typed, and the message goes once it is fixed', () => {
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    const before = end().value;
    fireEvent.change(end(), { target: { value: start().value.replace(/^(\d{4})/, (y) => String(Number(y) - 1)) } });
    expect(screen.getByText('The start must be before the end.')).toBeTruthy();
    expect(end().getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    expect(onFetch).not.toHaveBeenCalled();
    fireEvent.change(end(), { target: { value: before } });
    expect(screen.queryByText('The start must be before the end.')).toBeNull();
    expect(end().getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(start(), { target: { value: '' } });
    expect(screen.getByText('Enter the start as a full date and time (UTC).')).toBeTruthy();
  });

  it('warns that LookupEvents keeps 90 days when the start is older', () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    fireEvent.change(start(), { target: { value: new Date(Date.now() - 120 * day).toISOString().slice(0, 16) } });
    expect(screen.getByText(/^LookupEvents keeps 90 days of events: nothing before \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC comes back\.$/)).toBeTruthy();
    fireEvent.change(end(), { target: { value: new Date(Date.now() - 100 * day).toISOString().slice(0, 16) } });
    expect(screen.getByText(/The whole range is older than 90 days/)).toBeTruthy();
  });

  it('clears the identity message once an identity is typed', () => {
    render(<Form initial={{ identityValue: '' }} />);
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    expect(screen.getByText('Name a user, role session or access key id.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Identity'), { target: { value: 'alice' } });
    expect(screen.queryByText('Name a user, role session or access key id.')).toBeNull();
  });
});
