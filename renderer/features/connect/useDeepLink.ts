import { useEffect, useState } from 'react';

import { api, hostKind } from '../../api/bridge';

/**
 * The query string of a deep link that should fill the investigation form: on the web host the
 * page's own query (the token already removed), in the desktop app the link the host received.
 * Values are validated by the form's parser like any other input. Each new link gives a new
 * string, so a link clicked twice fills the form twice.
 */
export function useDeepLink(): string | null {
  const [query, setQuery] = useState<string | null>(() => (hostKind === 'web' ? window.location.search.replace(/^\?/, '') || null : null));
  useEffect(() => {
    if (hostKind !== 'electron') return;
    // A link that started the app waits on the host; one clicked while it runs arrives as a message.
    const unsubscribe = api.subscribe((message) => {
      if (message.type === 'deeplink.open') setQuery(message.query);
    });
    void api.getAppInfo({}).then((result) => {
      if (result.ok && result.data.pendingDeepLink) setQuery((current) => current ?? result.data.pendingDeepLink);
    });
    return unsubscribe;
  }, []);
  return query;
}
