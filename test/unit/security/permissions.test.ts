import { describe, expect, it } from 'vitest';

import { decideNavigation, decidePermission } from '../../../main/security/permissions';

describe('permission requests', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'openExternal', 'pointerLock', 'fullscreen', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(decidePermission(permission)).toBe(false);
    },
  );
});

describe('navigation', () => {
  it.each(['https://evil.test/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])('refuses %s', (url) => {
    expect(decideNavigation(url)).toBe(false);
  });
});
