import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { mutatingApis } from '../../../shared/containment/types';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('Trailcase writes to AWS only through containment (promise 19)', () => {
  it('names the mutating IAM commands in one file only: the containment client', () => {
    const pattern = new RegExp(`\\b(${mutatingApis.join('|')})Command\\b`);
    const users = [...sourceFiles('main'), ...sourceFiles('shared'), ...sourceFiles('renderer')]
      .filter((path) => pattern.test(readFileSync(path, 'utf8')))
      .map((path) => relative('.', path));
    expect(users).toEqual(['main/services/containment/sdk-containment-iam.ts']);
  });

  it('sends no other command from that file than the reads it needs and SimulatePrincipalPolicy', () => {
    const text = readFileSync('main/services/containment/sdk-containment-iam.ts', 'utf8');
    const sent = new Set([...text.matchAll(/new (\w+)Command\(/g)].map((match) => match[1]));
    expect([...sent].sort()).toEqual(
      ['GetLoginProfile', 'GetRole', 'GetRolePolicy', 'GetUser', 'GetUserPolicy', 'ListAccessKeys', 'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'SimulatePrincipalPolicy'].sort(),
    );
  });
});
