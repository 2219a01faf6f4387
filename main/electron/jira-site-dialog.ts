import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions } from 'electron';

import type { JiraSiteChange } from '../services/jira/connection-store';

/**
 * Asks the analyst, in a dialog of the desktop itself (which the page cannot draw or answer),
 * before Trailcase connects to a new Jira site: the site receives the analyst's text and the
 * selected events, and joins the links Trailcase opens. Cancel is the default.
 */
export function createJiraSiteDialog(parent: () => BrowserWindow | null) {
  return async ({ from, to }: JiraSiteChange): Promise<boolean> => {
    const options: MessageBoxOptions = {
      type: 'warning',
      buttons: ['Cancel', 'Connect'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      title: 'Connect to a Jira site',
      message: `Connect Trailcase to ${to}?`,
      detail: `${from === null ? 'No Jira site is connected yet.' : `This replaces ${from}, and forgets its saved token.`} Tickets, the events you select and your text will be sent to ${to}. Connect only if you typed this address.`,
    };
    const window = parent();
    const { response } =
      window && !window.isDestroyed() ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === 1;
  };
}
