import { useCallback, useState } from 'react';

import type { ApiErrorShape } from '../../../shared/api/errors';
import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import type { ContainmentAction, ContainmentPlan } from '../../../shared/containment/types';
import { api } from '../../api/bridge';

export interface ContainTarget {
  kind: 'user' | 'role';
  name: string;
}

export type ContainStep =
  | { kind: 'choose' }
  | { kind: 'previewing' }
  | { kind: 'preview'; plan: ContainmentPlan }
  | { kind: 'running'; plan: ContainmentPlan }
  | { kind: 'outcome'; outcome: ContainmentOutcome; undo?: ContainmentOutcome | 'running' };

/**
 * The steps of the Contain dialog: choose actions and the acting profile, preview the exact
 * calls (reads only), run them with the name typed back, then undo. Every error is kept as text.
 */
export function useContainment(target: ContainTarget) {
  const [step, setStep] = useState<ContainStep>({ kind: 'choose' });
  const [error, setError] = useState<ApiErrorShape | null>(null);

  const preview = useCallback(
    async (profile: string, actions: ContainmentAction[]) => {
      setError(null);
      setStep({ kind: 'previewing' });
      const result = await api.containmentPreview({ profile, kind: target.kind, name: target.name, actions });
      if (result.ok) setStep({ kind: 'preview', plan: result.data });
      else {
        setError(result.error);
        setStep({ kind: 'choose' });
      }
    },
    [target.kind, target.name],
  );

  const run = useCallback(
    async (profile: string, plan: ContainmentPlan, confirmation: string, accessKeyIds?: string[]) => {
      setError(null);
      setStep({ kind: 'running', plan });
      const result = await api.containmentRun({
        profile,
        kind: target.kind,
        name: target.name,
        actions: plan.actions.map((action) => action.action),
        ...(accessKeyIds?.length ? { accessKeyIds } : {}),
        expectedUniqueId: plan.identity.uniqueId,
        confirmation,
      });
      if (result.ok) setStep({ kind: 'outcome', outcome: result.data });
      else {
        setError(result.error);
        setStep({ kind: 'preview', plan });
      }
    },
    [target.kind, target.name],
  );

  const undo = useCallback(async (outcome: ContainmentOutcome, confirmation: string) => {
    setError(null);
    setStep({ kind: 'outcome', outcome, undo: 'running' });
    const result = await api.containmentUndo({ id: outcome.id, confirmation });
    if (result.ok) setStep({ kind: 'outcome', outcome, undo: result.data });
    else {
      setError(result.error);
      setStep({ kind: 'outcome', outcome });
    }
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setStep({ kind: 'choose' });
  }, []);

  return { step, error, preview, run, undo, reset };
}
