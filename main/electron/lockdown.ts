import { app, session } from 'electron';

import { decideNavigation, decidePermission } from '../security/permissions';

/**
 * Applies the window rules to every web contents the app ever creates: no navigation away from
 * the page, no new windows (links go through the checked `openExternal`), no webviews, and
 * every permission request denied on every session.
 */
export function setupLockdown(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The URL comes from the event itself: the positional url argument is deprecated.
    contents.on('will-navigate', (event) => {
      if (!decideNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!decideNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('session-created', (created) => lockSession(created));
  lockSession(session.defaultSession);
}

function lockSession(target: Electron.Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  target.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
}
