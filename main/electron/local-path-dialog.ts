import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';

import type { LocalPathPick } from '../../shared/api/local-path-contract';

/** The dialog's options: nothing of them comes from the page (no default path, no filter). */
export function openDialogOptions(pick: LocalPathPick): OpenDialogOptions {
  return pick === 'folder'
    ? { title: 'Choose a folder of CloudTrail log files', buttonLabel: 'Choose', properties: ['openDirectory', 'dontAddToRecent'] }
    : {
        title: 'Choose a CloudTrail log file',
        buttonLabel: 'Choose',
        properties: ['openFile', 'dontAddToRecent'],
        // `gz` rather than `json.gz`: the dialogs of Windows and Linux match the last extension only.
        filters: [{ name: 'CloudTrail log files (.json, .json.gz)', extensions: ['json', 'gz'] }],
      };
}

/**
 * The log-files source's chooser, in the desktop's own open dialog (modal to the window): the
 * analyst picks a folder or a file and only its path goes back to the page, which cannot read
 * files itself. Resolves to null when the dialog is cancelled.
 */
export function createLocalPathDialog(parent: () => BrowserWindow | null) {
  // One dialog at a time: a page asking again while one is open gets that dialog's answer.
  let open: Promise<string | null> | null = null;
  const show = async (pick: LocalPathPick): Promise<string | null> => {
    const options = openDialogOptions(pick);
    const window = parent();
    const { canceled, filePaths } =
      window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  };
  return (pick: LocalPathPick): Promise<string | null> => {
    open ??= show(pick).finally(() => {
      open = null;
    });
    return open;
  };
}
