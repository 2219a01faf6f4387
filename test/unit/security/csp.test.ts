import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../../main/security/csp';

/**
 * The page's policy is written literally in renderer/index.html, so that Electronegativity
 * parses it (CSP_GLOBAL_CHECK); its one reviewed finding is suppressed inline there. These
 * tests keep that suppression exact: the scanner's own evaluator finds nothing else.
 */
type Finding = { directive: string; value: string; severity: number };
const evaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): Finding[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
};

function evaluate(policy: string): Finding[] {
  return new evaluator.CspEvaluator(new evaluator.CspParser(policy).csp, evaluator.Version.CSP3).evaluate();
}

describe('the content security policy', () => {
  it('is written literally, and only once, in the page the scanner reads', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((match) => match[1]);
    expect(metas).toEqual([metaContentSecurityPolicy]);
  });

  it('leaves only frame-ancestors, a header-only directive, out of the meta', () => {
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy.split('; ').filter((directive) => !metaContentSecurityPolicy.split('; ').includes(directive))).toEqual([
      "frame-ancestors 'none'",
    ]);
  });

  it("gives the scanner's evaluator exactly the reviewed finding: script-src 'self' (no JSONP, Angular or uploads here)", () => {
    const findings = evaluate(metaContentSecurityPolicy).map(({ directive, value, severity }) => ({ directive, value, severity }));
    expect(findings).toEqual([{ directive: 'script-src', value: "'self'", severity: evaluator.severities.MEDIUM_MAYBE }]);
  });

  it('would make the evaluator report a weakened policy (the suppression hides nothing else)', () => {
    const inline = evaluate(metaContentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"));
    expect(inline).toContainEqual(expect.objectContaining({ value: "'unsafe-inline'", severity: evaluator.severities.HIGH }));
    const evalAllowed = evaluate(metaContentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"));
    expect(evalAllowed).toContainEqual(expect.objectContaining({ directive: 'script-src', value: "'unsafe-eval'" }));
  });

  it('allows no inline or remote script, no remote connection, no plugin, base or form target', () => {
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    // Inline styles (Radix's scroll lock injects a <style>): CSS runs no code, and with these
    // sources it can load nothing from elsewhere to carry data out.
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('font-src')).toEqual(["'self'"]);
  });
});
