import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

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

/** The desktop's answer: a native chooser, which picks `path` (null: cancelled) or fails. */
function desktop(answer: { path: string | null } | { error: string }) {
  const { api } = holder.current!;
  api.canChooseLocalPath.mockImplementation(() => Promise.resolve({ ok: true as const, data: { available: true } }));
  api.chooseLocalPath.mockImplementation(() =>
    Promise.resolve('error' in answer ? ({ ok: false as const, error: { code: 'BAD_INPUT' as const, message: answer.error } } as never) : { ok: true as const, data: answer }),
  );
}

function Form({ onFetch = () => {} }: { onFetch?: () => void }) {
  const [values, setValues] = useState<FormValues>({ ...defaultFormValues, identityValue: 'alice', source: { ...defaultFormValues.source, kind: 'files' } });
  return <InvestigationForm profile="analyst" values={values} onChange={setValues} onFetch={onFetch} busy={false} notices={[]} />;
}

const path = () => screen.getByLabelText('Folder or file') as HTMLInputElement;

async function chooseFromMenu(item: RegExp) {
  fireEvent.keyDown(await screen.findByRole('button', { name: 'Choose…' }), { key: 'Enter' });
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}

describe('Choose… beside the log-files path', () => {
  it('is absent where the host has no native dialog (the web host): the path is typed', async () => {
    render(<Form />);
    await waitFor(() => expect(holder.current!.api.canChooseLocalPath).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Choose…' })).toBeNull();
    fireEvent.change(path(), { target: { value: '/var/log/trail' } });
    expect(path().value).toBe('/var/log/trail');
  });

  it('on the desktop, fills the field with the folder chosen in the dialog, and the field stays editable', async () => {
    desktop({ path: '/home/analyst/cases/4711' });
    const onFetch = vi.fn();
    render(<Form onFetch={onFetch} />);
    await chooseFromMenu(/A folder/);
    await waitFor(() => expect(path().value).toBe('/home/analyst/cases/4711'));
    expect(holder.current!.api.chooseLocalPath).toHaveBeenCalledWith({ pick: 'folder' });
    fireEvent.change(path(), { target: { value: '/home/analyst/cases/4711/us-east-1' } });
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    expect(onFetch).toHaveBeenCalledWith(expect.objectContaining({ source: { kind: 'files', path: '/home/analyst/cases/4711/us-east-1' } }));
  });

  it('asks for one file (.json, .json.gz) from its own item', async () => {
    desktop({ path: '/home/analyst/trail.json.gz' });
    render(<Form />);
    await chooseFromMenu(/A file \(\.json, \.json\.gz\)/);
    await waitFor(() => expect(path().value).toBe('/home/analyst/trail.json.gz'));
    expect(holder.current!.api.chooseLocalPath).toHaveBeenCalledWith({ pick: 'file' });
  });

  it('keeps what was typed when the dialog is cancelled', async () => {
    desktop({ path: null });
    render(<Form />);
    fireEvent.change(path(), { target: { value: '/typed/before' } });
    await chooseFromMenu(/A folder/);
    await waitFor(() => expect(holder.current!.api.chooseLocalPath).toHaveBeenCalled());
    expect(path().value).toBe('/typed/before');
  });

  it('says under the field, tied to it, why a choice was refused, until the path is edited', async () => {
    desktop({ error: 'That is not a path on this machine (a network share is refused): copy the log files to a local folder and choose it.' });
    render(<Form />);
    await chooseFromMenu(/A folder/);
    await waitFor(() => expect(path().getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(path().getAttribute('aria-describedby')!)!.textContent).toMatch(/network share is refused/);
    fireEvent.change(path(), { target: { value: '/local/copy' } });
    expect(path().getAttribute('aria-invalid')).toBeNull();
  });
});
