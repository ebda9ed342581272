// Lint: TypeScript rules, and the module boundaries of DESIGN.md enforced, not just described.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';

const moduleInternals = {
  group: ['../*/*.repo.ts', '../*/*.routes.ts', '../*/*.presenter.ts', '../*/*.rules.ts', '../../modules/*/*.repo.ts', '../modules/*/*.repo.ts'],
  message: "A module's repositories, routes and presenters are its own: call its service instead.",
};

const httpEdge = {
  group: ['**/http/*', '**/http/**'],
  message: 'Only http/ knows HTTP: throw the domain errors of core/errors.ts, and declare routes with core/routes.ts for http/mount-routes.ts to mount.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/server/modules/**/*.ts', 'src/server/reports/**/*.ts', 'src/server/interop/**/*.ts', 'src/server/http/**/*.ts', 'src/server/audit/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals] }] },
  },
  {
    // Nothing outside http/ knows HTTP, routes files included (they are declarations http/ mounts); tests may use the harness.
    files: ['src/server/modules/**/*.ts', 'src/server/reports/**/*.ts', 'src/server/interop/**/*.ts', 'src/server/audit/**/*.ts', 'src/server/policies/**/*.ts', 'src/server/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals, httpEdge] }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/cli/**', '**/demo/**', 'node:*'], message: 'The web app imports only src/shared and src/web.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', '**/cli/**', '**/demo/**'], message: 'src/shared is pure: both sides import it, it imports neither.' }] }],
    },
  },
);
