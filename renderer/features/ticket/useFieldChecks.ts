import { useState } from 'react';

/**
 * Which field messages to show. A field's own problem shows once it was typed in (or a save or
 * test was tried) and goes as soon as the value is fixed; a problem the host found on a field
 * (Jira refused the token) shows until that field's value changes.
 */
export function useFieldChecks<F extends string>(
  values: Record<F, string>,
  problems: Partial<Record<F, string | null>>,
  hostFields: Record<string, string> | undefined,
  /** Show every problem now (the form around this one was sent). */
  showAll = false,
) {
  const [touched, setTouched] = useState<ReadonlySet<F>>(() => new Set());
  const [tried, setTried] = useState(false);
  const [host, setHost] = useState<{ fields: Record<string, string> | undefined; values: Record<F, string> }>({
    fields: hostFields,
    values,
  });
  // A new answer from the host: remember the values it was about (state derived while rendering, as React documents).
  if (host.fields !== hostFields) setHost({ fields: hostFields, values });

  const shown = (field: F): string | null => {
    const own = touched.has(field) || tried || showAll ? (problems[field] ?? null) : null;
    if (own) return own;
    const fromHost = host.fields && Object.hasOwn(host.fields, field) ? host.fields[field] : undefined;
    return fromHost !== undefined && host.values[field] === values[field] ? fromHost : null;
  };

  return {
    shown,
    touch(field: F) {
      if (!touched.has(field)) setTouched(new Set(touched).add(field));
    },
    /** Shows every field's problem; true when there is none. */
    attempt(): boolean {
      setTried(true);
      return (Object.values(problems) as Array<string | null | undefined>).every((problem) => !problem);
    },
  };
}
