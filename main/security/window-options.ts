/**
 * The desktop window's options, as a pure function so a unit test can hold them to the promise:
 * the renderer has no Node, runs sandboxed and isolated, and cannot open webviews.
 */
export interface WindowOptionsInput {
  preloadPath: string;
  isPackaged: boolean;
  dark: boolean;
}

/** A structural subset of Electron's BrowserWindowConstructorOptions, so this file needs no electron import. */
export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webviewTag: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    disableBlinkFeatures: string;
    devTools: boolean;
  };
}

export function createWindowOptions({ preloadPath, isPackaged, dark }: WindowOptionsInput): SecureWindowOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    title: 'Trailcase',
    backgroundColor: dark ? '#0f1419' : '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in a new window; new windows are refused anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
    },
  };
}
