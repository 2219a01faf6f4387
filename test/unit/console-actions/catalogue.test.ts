import { describe, expect, it } from 'vitest';

import { consoleSignatures } from '../../../shared/console-actions/catalogue';
import { bursts } from './bursts';

describe('the console-signature catalogue', () => {
  it('holds at least 60 signatures with unique ids', () => {
    const ids = consoleSignatures.map((signature) => signature.id);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every anchor among the calls a signature takes, and at most 64 required calls', () => {
    for (const signature of consoleSignatures) {
      const members = new Set([...signature.required, ...(signature.optional ?? [])]);
      for (const anchor of signature.anchor) expect(members.has(anchor), `${signature.id}: ${anchor}`).toBe(true);
      expect(signature.anchor.length, signature.id).toBeGreaterThan(0);
      expect(signature.required.length, signature.id).toBeLessThanOrEqual(64);
      for (const key of [...signature.anchor, ...signature.required, ...(signature.optional ?? [])]) {
        expect(key, signature.id).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      }
    }
  });

  it('gives every signature a reference and a recorded burst in the tests', () => {
    const tested = new Set(bursts.map((burst) => burst.signatureId));
    for (const signature of consoleSignatures) {
      expect(signature.references.length, signature.id).toBeGreaterThan(0);
      expect(tested.has(signature.id), `no burst for ${signature.id}`).toBe(true);
    }
  });
});
