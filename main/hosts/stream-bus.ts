import type { StreamMessage } from '../../shared/api/stream';

/** Fans stream messages out to every subscriber (renderer windows, web streams, tests). */
export function createStreamBus() {
  const listeners = new Set<(message: StreamMessage) => void>();
  return {
    emit(message: StreamMessage): void {
      for (const listener of listeners) listener(message);
    },
    subscribe(listener: (message: StreamMessage) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StreamBus = ReturnType<typeof createStreamBus>;
