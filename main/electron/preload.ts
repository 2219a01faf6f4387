import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';

import { channelOf, methodNames, streamChannel } from '../../shared/api/contract';
import type { TrailcaseApi } from '../../shared/api/contract';
import type { StreamMessage } from '../../shared/api/stream';

/**
 * Exposes exactly the api contract: one function per method (each bound to its own channel,
 * no generic invoke), and `subscribe` for stream messages, which returns its unsubscribe.
 * Nothing else of Electron or Node reaches the page.
 */
const api: Record<string, unknown> = {};
for (const method of methodNames) {
  api[method] = (input: unknown) => ipcRenderer.invoke(channelOf(method), input);
}
api.subscribe = (listener: (message: StreamMessage) => void) => {
  const handler = (_event: IpcRendererEvent, message: StreamMessage) => listener(message);
  ipcRenderer.on(streamChannel, handler);
  return () => {
    ipcRenderer.removeListener(streamChannel, handler);
  };
};

contextBridge.exposeInMainWorld('trailcase', api as TrailcaseApi);
