import { defaultStyles } from 'react-json-view-lite';
import type { Props } from 'react-json-view-lite';

type JsonTreeStyle = NonNullable<Props['style']>;

/**
 * The JSON tree's classes: the library's light and dark styles hard-code colours (black keys,
 * dark green strings on its own backgrounds) that vanish on our dark surface. Ours take every
 * colour from the theme's --json-* variables (detail.css), readable at 4.5:1 in both themes;
 * the library's layout classes (indentation, child lists) stay.
 */
export const jsonTreeStyle: JsonTreeStyle = {
  ...defaultStyles,
  container: 'json-tree-container',
  label: 'json-key',
  clickableLabel: 'json-key json-clickable',
  nullValue: 'json-null',
  undefinedValue: 'json-null',
  stringValue: 'json-string',
  numberValue: 'json-number',
  booleanValue: 'json-boolean',
  otherValue: 'json-other',
  punctuation: 'json-punctuation',
  expandIcon: 'json-expander json-expand',
  collapseIcon: 'json-expander json-collapse',
  collapsedContent: 'json-collapsed',
};
