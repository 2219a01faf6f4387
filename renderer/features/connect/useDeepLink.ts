import { useEffect, useState } from 'react';

import { api, hostKind } from '../../api/bridge';

/**
 * The query string of a deep link that should fill the investigation form: on the web host the
 * page's own query (the token already removed), in the desktop app the link the host received.
 * Values are validated by the form's parser like any other input.
 */
export function useDeepLink(): string | null {
  const [query, setQuery] = useState<string | null>(() => (hostKind === 'web' ? window.location.search.replace(/^\?/, '') || null : null));
  useEffect(() => {
    if (hostKind !== 'electron') return;
    void api.getAppInfo({}).then((result) => {
      if (result.ok && result.data.pendingDeepLink) setQuery(result.data.pendingDeepLink);
    });
  }, []);
  return query;
}
