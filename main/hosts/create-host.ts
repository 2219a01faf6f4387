import type { HostContext } from './host-context';
import { createDispatcher } from './dispatch';
import type { Handlers } from './dispatch';
import { createAppHandlers } from './handlers/app-handlers';
import { createMfaBroker } from './mfa-broker';
import { appVersion } from './package-info';

/**
 * Builds the services and the api dispatcher of one host. Each feature contributes its handler
 * factory here; Electron's IPC binding, the web host and the CLI all call the result.
 */
export function createHost(ctx: HostContext, log: (line: string) => void = () => {}) {
  const mfa = createMfaBroker(ctx.emit);
  const hostCtx: HostContext = { ...ctx, askMfaCode: ctx.kind === 'cli' ? ctx.askMfaCode : mfa.ask };
  const handlers: Handlers = {
    ...createAppHandlers(hostCtx, { mfa, version: appVersion(), extraAllowedHosts: () => [], forgetCredentials: () => {} }),
  };
  return { dispatch: createDispatcher(handlers, log), ctx: hostCtx };
}

export type Host = ReturnType<typeof createHost>;
