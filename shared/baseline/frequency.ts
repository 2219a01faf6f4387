/**
 * How often an identity used a value, on the model of GuardDuty's labels, decided by the share of
 * the identity's active days (days with at least one call of its own) on which the value appeared:
 * - `frequent`: on 40 % of active days or more, and on at least 2 days;
 * - `occasional`: on 10 % or more (or frequent's share on a single day);
 * - `rare`: under 10 %.
 * Days, not calls: a burst of a thousand calls in one afternoon is one day of use.
 */
export type Frequency = 'rare' | 'occasional' | 'frequent';

export const frequentShare = 0.4;
export const occasionalShare = 0.1;

export function frequencyOf(daysSeen: number, activeDays: number): Frequency {
  if (activeDays <= 0 || daysSeen <= 0) return 'rare';
  const share = daysSeen / activeDays;
  if (share >= frequentShare && daysSeen >= 2) return 'frequent';
  return share >= occasionalShare ? 'occasional' : 'rare';
}

/** Whether a label says the identity uses the value habitually (occasional or frequent). */
export const isUsual = (label: Frequency | null): boolean => label === 'frequent' || label === 'occasional';

/** A baseline under this many days is too short to judge what is usual. */
export const shortBaselineDays = 14;
