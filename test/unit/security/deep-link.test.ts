import { describe, expect, it } from 'vitest';

import { deepLinkFromArgv, deepLinkQuery } from '../../../main/security/deep-link';

describe('deep links', () => {
  it('keeps the query of an investigate link', () => {
    expect(deepLinkQuery('trailcase://investigate?profile=prod&user=alice&since=7d')).toBe('profile=prod&user=alice&since=7d');
  });

  it('accepts the path form some platforms pass', () => {
    expect(deepLinkQuery('trailcase:///investigate?profile=prod&accessKeyId=AKIAEXAMPLE12345678')).toBe('profile=prod&accessKeyId=AKIAEXAMPLE12345678');
  });

  it.each(['https://investigate?profile=p', 'trailcase://delete?x=1', 'javascript:alert(1)', 'trailcase://investigate' + '?a=' + 'x'.repeat(3000), 42, null])(
    'ignores %s',
    (value) => {
      expect(deepLinkQuery(value)).toBeNull();
    },
  );

  it('finds the link among command-line arguments', () => {
    expect(deepLinkFromArgv(['/opt/Trailcase/trailcase', '--no-sandbox', 'trailcase://investigate?profile=p&user=u'])).toBe('profile=p&user=u');
    expect(deepLinkFromArgv(['/opt/Trailcase/trailcase'])).toBeNull();
  });
});
