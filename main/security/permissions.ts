/**
 * Trailcase needs no browser permission: camera, microphone, geolocation, notifications,
 * clipboard reads, MIDI, HID… are all refused. Installed on every session by the Electron layer.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** Whether a navigation of the window may proceed: never, the app is one page. */
export function decideNavigation(_url: string): boolean {
  return false;
}
