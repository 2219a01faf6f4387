import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { JsonSection } from '../../../renderer/features/detail/JsonSection';

afterEach(cleanup);

const parameters = {
  policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  userName: 'jmorales',
  durationSeconds: 3600,
  dryRun: false,
  tags: null,
};

describe('the JSON tree of request parameters', () => {
  it('marks keys and each kind of value with the theme-coloured classes, never the library’s fixed-colour ones', () => {
    const { container } = render(<JsonSection title="Request parameters" value={parameters} present />);
    const tree = container.querySelector('.json-tree')!;
    const classOf = (text: string) => screen.getByText(text, { exact: false, selector: '.json-tree span' }).className;
    expect(classOf('policyArn')).toBe('json-key');
    expect(classOf('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('json-string');
    expect(classOf('3600')).toBe('json-number');
    expect(classOf('false')).toBe('json-boolean');
    expect(classOf('null')).toBe('json-null');
    expect(tree.querySelector('.json-tree-container')).not.toBeNull();
    // The library's own light and dark styles hard-code colours (black keys, dark green strings).
    const libraryColoured = [...tree.querySelectorAll('[class]')].filter(
      (node) => /(^|\s)_[\w-]{5}(\s|$)/.test(node.className) && !node.matches('ul, li, div'),
    );
    expect(libraryColoured.map((node) => node.className)).toEqual([]);
  });
});
