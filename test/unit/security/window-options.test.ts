import { describe, expect, it } from 'vitest';

import { createWindowOptions } from '../../../main/security/window-options';

describe('the desktop window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true, dark: false });

  it('isolate and sandbox the renderer with no Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('allow no webview, no insecure content and leave webSecurity on', () => {
    expect(options.webPreferences).toMatchObject({ webviewTag: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
  });

  it('load only our preload', () => {
    expect(options.webPreferences.preload).toBe('/app/out/preload/index.cjs');
  });

  it('turn devtools off in the packaged app and on in development', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath: 'p', isPackaged: false, dark: true }).webPreferences.devTools).toBe(true);
  });

  it('fit a 1280×720 screen', () => {
    expect(options.minWidth).toBeLessThanOrEqual(1280);
    expect(options.minHeight).toBeLessThanOrEqual(720);
  });
});
