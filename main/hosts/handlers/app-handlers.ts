import type { RegionDefaults, appContract } from '../../../shared/api/app-contract';
import { listProfiles } from '../../services/aws/profiles';
import { checkExternalUrl, defaultAllowedHosts } from '../../security/external-links';
import type { HostContext } from '../host-context';
import type { MfaBroker } from '../mfa-broker';
import type { HandlerMap } from './handler-map';

/** The app-level methods: host info, profiles, external links, MFA answers. */
export function createAppHandlers(
  ctx: HostContext,
  deps: { mfa: MfaBroker; version: string; extraAllowedHosts: () => string[]; forgetCredentials: (profile: string) => void; listRegions: (profile: string) => Promise<RegionDefaults> },
): HandlerMap<typeof appContract> {
  return {
    async getAppInfo() {
      return {
        name: 'Trailcase',
        version: deps.version,
        host: ctx.kind === 'electron' ? 'electron' : 'web',
        platform: process.platform,
        pendingDeepLink: ctx.takePendingDeepLink(),
      };
    },
    async listProfiles() {
      return listProfiles(ctx.env);
    },
    async openExternal({ url }) {
      const checked = checkExternalUrl(url, [...defaultAllowedHosts, ...deps.extraAllowedHosts()]);
      if (!checked) return { opened: false, url: null };
      // Reviewed: `checked` passed the https allow-list above.
      return { opened: await ctx.openExternal(checked), url: checked }; /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    },
    async answerMfa({ requestId, code }) {
      deps.mfa.answer(requestId, code);
      return {};
    },
    async refreshCredentials({ profile }) {
      deps.forgetCredentials(profile);
      return {};
    },
    async listRegions({ profile }) {
      return deps.listRegions(profile);
    },
  };
}
