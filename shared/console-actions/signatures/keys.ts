/** `keys('iam', 'GetUser', 'ListUsers')` → `['iam:GetUser', 'iam:ListUsers']`: signatures stay short. */
export function keys(service: string, ...eventNames: string[]): string[] {
  return eventNames.map((name) => `${service}:${name}`);
}
