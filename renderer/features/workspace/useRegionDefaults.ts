import { useEffect, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';

import type { RegionDefaults } from '../../../shared/api/app-contract';
import { defaultRegionsOf } from '../../../shared/regions/partition-regions';
import { api } from '../../api/bridge';
import { defaultFormValues } from '../investigation/form-model';
import type { FormValues } from '../investigation/form-model';

interface Answer {
  profile: string;
  defaults: RegionDefaults;
}

/** The host's default regions for a profile; null while it is asked. */
function useHostDefaults(profile: string): RegionDefaults | null {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!profile) return;
    let live = true;
    void api.listRegions({ profile }).then((result) => {
      // A host that cannot answer (an unknown profile…): the partition's list, saying why.
      const defaults: RegionDefaults = result.ok
        ? result.data
        : { regions: defaultRegionsOf(null), source: 'partition', reason: result.error.message };
      if (live) setAnswer({ profile, defaults });
    });
    return () => {
      live = false;
    };
  }, [profile]);
  return answer?.profile === profile ? answer.defaults : null;
}

/**
 * The form's regions default to every region enabled for the profile's account (or the
 * partition's defaults when that cannot be read), until the analyst, a deep link naming
 * `regions`, or a reopened investigation chooses them. Called during Workspace's render.
 */
export function useRegionDefaults(profile: string, initiallyChosen: boolean, setValues: Dispatch<SetStateAction<FormValues>>) {
  const defaults = useHostDefaults(profile);
  const [chosen, setChosen] = useState(initiallyChosen);
  const [applied, setApplied] = useState<RegionDefaults | null>(null);
  const [appliedProfile, setAppliedProfile] = useState<string | null>(null);
  // Adjusted during render, as React advises for derived state that must also stay editable.
  if (defaults !== applied) {
    setApplied(defaults);
    if (defaults && !chosen) setValues((values) => ({ ...values, regions: [...defaults.regions] }));
    // Another profile: the analyst's regions stay, but for those its account does not enable.
    if (defaults && chosen && appliedProfile !== null && appliedProfile !== profile && defaults.source !== 'partition')
      setValues((values) => keepEnabled(values, defaults.regions));
    if (defaults) setAppliedProfile(profile);
  }
  return {
    defaults,
    /** Fetch waits for the defaults only while the form still holds the placeholder. */
    pending: defaults === null && !chosen,
    note: describeDefaults(defaults, chosen),
    /** The form's starting values: the defaults' regions in place of the placeholder. */
    base: defaults ? { ...defaultFormValues, regions: [...defaults.regions] } : defaultFormValues,
    choose: setChosen,
  };
}

/** The form with only its regions that `enabled` holds; all of `enabled` when none of them is. */
function keepEnabled(values: FormValues, enabled: string[]): FormValues {
  const kept = values.regions.filter((region) => enabled.includes(region));
  if (kept.length === values.regions.length) return values;
  return { ...values, regions: kept.length > 0 ? kept : [...enabled] };
}

/** What the region note says about where the default regions came from (shown as text). */
export function describeDefaults(defaults: RegionDefaults | null, chosen = false): string {
  if (!defaults) return chosen ? '' : "Reading the account's regions…";
  const count = `${defaults.regions.length} ${defaults.regions.length === 1 ? 'region' : 'regions'}`;
  if (defaults.source === 'account') return `Default: all ${count} enabled for the account`;
  if (defaults.source === 'demo') return `Default: the demo account's ${count}`;
  return `Default: ${count} (partition list; account's unreadable)`;
}
