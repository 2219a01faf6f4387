import { useMemo, useState } from 'react';

import { hostKind } from './api/bridge';
import { AboutDialog } from './features/about/AboutDialog';
import { AccountDialog } from './features/account/AccountDialog';
import { MfaDialog } from './features/connect/MfaDialog';
import { linkedProfile } from './features/connect/linked-profile';
import { initialProfile, ProfilePicker } from './features/connect/ProfilePicker';
import { useProfiles } from './features/connect/useProfiles';
import { ThemeToggle } from './features/connect/ThemeToggle';
import { UnknownProfileNotice } from './features/connect/UnknownProfileNotice';
import { useDeepLink } from './features/connect/useDeepLink';
import { Workspace } from './features/workspace/Workspace';

/**
 * The page frame: header (brand, profile picker, theme) and the workspace. Feature components
 * own their state; App only lays them out and hands down the chosen profile and any deep link.
 */
export function App() {
  const { list, error, loading, reload } = useProfiles();
  const deepLink = useDeepLink();
  const [chosen, setChosen] = useState<string | null>(null);
  // The Account view's Investigate: a user to fill in and fetch at once (`at` tells two clicks apart).
  const [investigate, setInvestigate] = useState<{ userName: string; at: number } | null>(null);
  // A new deep link names its own profile: it wins over the one picked before it arrived.
  const [linkSeen, setLinkSeen] = useState(deepLink);
  if (deepLink !== linkSeen) {
    setLinkSeen(deepLink);
    if (deepLink && /(^|&)profile=/.test(deepLink)) setChosen(null);
  }
  const profiles = useMemo(() => list?.profiles ?? [], [list]);
  const linked = linkedProfile(deepLink, list ? profiles.map((p) => p.name) : null);
  // A link's profile that is not in the config files is said, and no other is used in its place.
  const profile = chosen ?? linked.profile ?? (linked.unknown ? '' : initialProfile(profiles));

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <h1 className="brand-name">Trailcase</h1>
          {hostKind === 'web' && <span className="host-badge">browser</span>}
        </div>
        <ProfilePicker profiles={profiles} value={profile} onChange={setChosen} disabled={loading} />
        <button type="button" className="ghost" onClick={() => void reload()}>
          Reload profiles
        </button>
        <div className="header-spacer" />
        <AccountDialog profile={profile} onInvestigate={(userName) => setInvestigate({ userName, at: Date.now() })} />
        <AboutDialog />
        <ThemeToggle />
      </header>
      {error && (
        <div role="alert" className="banner banner-error">
          {error.message}
        </div>
      )}
      {!chosen && linked.unknown && <UnknownProfileNotice name={linked.unknown} />}
      {list && list.problems.length > 0 && (
        <div role="status" className="banner banner-warning">
          <strong>Problems in your AWS config files:</strong>
          <ul>
            {list.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <main className="workspace" aria-label="Investigation workspace">
        <Workspace initialQuery={deepLink} profile={profile} investigate={investigate} />
      </main>
      <MfaDialog />
    </div>
  );
}
