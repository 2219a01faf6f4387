import type { localPathContract } from '../../../shared/api/local-path-contract';
import { ApiError } from '../../../shared/api/errors';
import { LocalPath } from '../../../shared/api/primitives';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

/**
 * The native chooser of the log-files path, where the host has one. Only the chosen path goes
 * back to the page (no listing, no content). A path the log-files source would refuse (a
 * network share, which would hand that server the user's credentials) is refused here too.
 */
export function createLocalPathHandlers(ctx: Pick<HostContext, 'chooseLocalPath'>): HandlerMap<typeof localPathContract> {
  return {
    async canChooseLocalPath() {
      return { available: ctx.chooseLocalPath !== undefined };
    },
    async chooseLocalPath({ pick }) {
      if (!ctx.chooseLocalPath) throw new ApiError('BAD_INPUT', 'This host has no file chooser: type the path of the folder or file instead.');
      const path = await ctx.chooseLocalPath(pick);
      if (path === null) return { path: null };
      if (!LocalPath.safeParse(path).success)
        throw new ApiError('BAD_INPUT', 'That is not a path on this machine (a network share is refused): copy the log files to a local folder and choose it.');
      return { path };
    },
  };
}
