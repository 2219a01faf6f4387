/** Where `@atlaskit/platform-feature-flags` keeps its resolver (what `setBooleanFeatureFlagResolver` sets). */
const key = '__PLATFORM_FEATURE_FLAGS__';

/**
 * Atlaskit's validator asks Atlassian's remote feature-gate client for flags. Outside Atlassian's
 * products that client is never set up, and it logs an error on first use (noise on the CLI's
 * stderr). Answering "off" for every flag keeps the validator's default behaviour, silently.
 * The global is written directly so Trailcase does not depend on a package it does not list.
 */
export function quietAtlaskitFlags(): void {
  const scope = globalThis as Record<string, unknown>;
  const current = (scope[key] ?? {}) as { booleanResolver?: unknown };
  if (typeof current.booleanResolver !== 'function') scope[key] = { ...current, booleanResolver: () => false };
}
