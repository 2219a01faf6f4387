import { describe, expect, it } from 'vitest';

import { accountOfAccessKey } from '../../../main/services/aws/account-of-key';

describe('accountOfAccessKey', () => {
  // Published examples, each checked against sts:GetAccessKeyInfo by its author.
  it.each([
    ['AKIASP2TPHJSQH3FJXYZ', '171436882533'],
    ['ASIAVJ2E6QGR2WZILJFM', '364679954851'],
    ['ASIAQAAAAAAAGMKEM7X5', '000000000000'],
  ])('reads the account of %s', (key, account) => {
    expect(accountOfAccessKey(key)).toBe(account);
  });

  it('gives null for keys of the old format and for anything that is not a key id', () => {
    expect(accountOfAccessKey('AKIAIOSFODNN7EXAMPLE')).toBeNull();
    expect(accountOfAccessKey('AKIAJ44QH8DHBEXAMPLE')).toBeNull();
    expect(accountOfAccessKey('not-a-key')).toBeNull();
    expect(accountOfAccessKey('AKIA0000000000000000')).toBeNull();
  });
});
