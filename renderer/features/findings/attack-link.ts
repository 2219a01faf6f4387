/**
 * MITRE ATT&CK technique ids as they may be linked: `T` and four digits, with an optional
 * sub-technique of three. Ids come from our rule pack and engine, but a link is only ever built
 * from an id that passes this check, and only to attack.mitre.org's technique pages; the host
 * checks the address again before the system browser opens it (main/security/external-links.ts).
 */
const techniqueId = /^T(\d{4})(?:\.(\d{3}))?$/;

/** Whether a value is a technique id (`T1098`, `T1562.008`). */
export function isAttackId(value: unknown): value is string {
  return typeof value === 'string' && techniqueId.test(value);
}

/** The technique's page (`https://attack.mitre.org/techniques/T1562/008/`), or null for anything that is not an id. */
export function attackUrl(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const match = techniqueId.exec(id);
  if (!match) return null;
  return `https://attack.mitre.org/techniques/T${match[1]}/${match[2] ? `${match[2]}/` : ''}`;
}
