import { createContext, useCallback, useContext, useMemo, useState } from 'react';

import type { MuteInput } from '../../../shared/api/investigation-contract';
import { withMute, withoutMute } from './mute-model';

export interface MutesValue {
  mutes: readonly MuteInput[];
  mute(mute: MuteInput): void;
  unmute(ruleId: string, identity: string): void;
}

/** The investigation's mutes where flags are shown; null where muting is not offered. */
export const MutesContext = createContext<MutesValue | null>(null);

export function useMutesContext(): MutesValue | null {
  return useContext(MutesContext);
}

/** The mutes of the investigation on view: set when one is opened, changed by the analyst. */
export function useMuteState() {
  const [mutes, setMutes] = useState<MuteInput[]>([]);
  const mute = useCallback((next: MuteInput) => setMutes((current) => withMute(current, next)), []);
  const unmute = useCallback((ruleId: string, identity: string) => setMutes((current) => withoutMute(current, ruleId, identity)), []);
  const value = useMemo((): MutesValue => ({ mutes, mute, unmute }), [mutes, mute, unmute]);
  return { value, mutes, setMutes };
}
