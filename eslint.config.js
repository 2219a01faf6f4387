import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers are enforced here as well as by the type-check projects: `shared/` imports no runtime
 * (electron, node:*, DOM-only packages), the renderer imports no `main/` code, and only the thin
 * Electron layer (`main/electron/`) imports `electron`. Markup from strings is banned everywhere.
 */
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'stream', 'events', 'util', 'zlib', 'tls', 'dns', 'worker_threads', 'readline'];
const nodeBuiltinPaths = (message) => ['electron', ...nodeBuiltinNames].map((name) => ({ name, message }));

const noMarkupFromStrings = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Event data is untrusted: render text, never HTML.' },
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Event data is untrusted: use textContent.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Event data is untrusted: use textContent.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'No document.write.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', ...noMarkupFromStrings],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('shared/ is pure TypeScript: no Node or Electron API.'),
        patterns: [
          { group: ['node:*'], message: 'shared/ is pure TypeScript: no Node or Electron API.' },
          { group: ['react', 'react-dom', '**/renderer/**', '**/main/**'], message: 'shared/ imports neither the renderer nor main.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('The renderer runs in a sandboxed page: no Node or Electron API.'),
        patterns: [
          { group: ['**/main/**', 'node:*'], message: 'The renderer reaches the host only through the typed api (renderer/api).' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only the thin Electron layer (main/electron/) imports electron; services take what differs per host as parameters.' },
          { group: ['**/renderer/**'], message: 'main/ does not import renderer code.' },
        ],
      }],
    },
  },
);
