import { useEffect, useRef } from 'react';

/** A request from the Account view to investigate a user; `at` tells two clicks on the same user apart. */
export interface InvestigateRequest {
  userName: string;
  at: number;
}

/**
 * Runs `investigate` once per request (the analyst's click on Investigate asked for the fetch), with
 * the latest `investigate` function, so the form's later edits never fetch again.
 */
export function useInvestigateRequest(request: InvestigateRequest | null, investigate: (userName: string) => void): void {
  const latest = useRef(investigate);
  useEffect(() => {
    latest.current = investigate;
  });
  useEffect(() => {
    if (request) latest.current(request.userName);
  }, [request]);
}
