import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

import { channelOf, methodNames } from '../../shared/api/contract';
import type { Dispatch } from '../hosts/dispatch';
import { isAppPageUrl } from '../security/app-protocol';

/**
 * The one binding of the api to IPC. A call is answered only when it comes from the main frame
 * of a window this app created, showing our own page (`app://trailcase/index.html`); anything
 * else (a subframe, a navigated, `file://` or foreign page) gets an error and reaches no
 * service. Input is then parsed by the dispatcher.
 */
export function setupIpc(dispatch: Dispatch, isOurWindow: (contents: WebContents) => boolean): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isOurWindow)) {
        return { ok: false, error: { code: 'ACCESS_DENIED', message: 'Call refused: it did not come from the Trailcase window.' } };
      }
      return dispatch(method, input);
    });
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, isOurWindow: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!isOurWindow(event.sender)) return false;
  return isAppPageUrl(frame.url);
}
