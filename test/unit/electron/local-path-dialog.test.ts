import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The desktop's open dialog for the log-files path, with the `electron` module mocked. */
const electron = vi.hoisted(() => ({
  dialog: { showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/analyst/trail'] })) },
}));
vi.mock('electron', () => electron);

const { createLocalPathDialog, openDialogOptions } = await import('../../../main/electron/local-path-dialog');

beforeEach(() => electron.dialog.showOpenDialog.mockClear());

describe('the log-files path dialog', () => {
  it('opens a folder chooser, modal to the window, and resolves to the chosen folder', async () => {
    const window = { isDestroyed: () => false };
    const choose = createLocalPathDialog(() => window as never);
    expect(await choose('folder')).toBe('/home/analyst/trail');
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(options).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
    expect((options as { properties: string[] }).properties).not.toContain('openFile');
  });

  it('opens a file chooser for .json and .json.gz, one file', () => {
    const options = openDialogOptions('file');
    expect(options.properties).toContain('openFile');
    expect(options.properties).not.toContain('multiSelections');
    expect(options.filters).toEqual([{ name: expect.stringContaining('.json.gz'), extensions: ['json', 'gz'] }]);
  });

  it('takes nothing from the page: no default path in either dialog', () => {
    for (const pick of ['folder', 'file'] as const) expect(openDialogOptions(pick)).not.toHaveProperty('defaultPath');
  });

  it('resolves to null when the analyst cancels', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await createLocalPathDialog(() => null)('file')).toBeNull();
  });

  it('still opens, unparented, when the window is gone', async () => {
    const choose = createLocalPathDialog(() => ({ isDestroyed: () => true }) as never);
    await choose('folder');
    expect(electron.dialog.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('opens one dialog at a time: a second ask while it is open gets the same answer', async () => {
    let answer: (value: { canceled: boolean; filePaths: string[] }) => void = () => {};
    electron.dialog.showOpenDialog.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const choose = createLocalPathDialog(() => null);
    const first = choose('folder');
    const second = choose('file');
    answer({ canceled: false, filePaths: ['/picked'] });
    expect(await Promise.all([first, second])).toEqual(['/picked', '/picked']);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    // Once it closed, the next ask opens a new one.
    await choose('file');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(2);
  });
});
