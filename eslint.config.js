// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnly = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'];

/** Kysely's query builders: each one starts a statement. */
const QUERY_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

/**
 * SQL lives in repositories (handler -> service -> repository): a query builder call or
 * Kysely's `sql` template anywhere else is reported. A local rule rather than
 * no-restricted-syntax, so that another block setting that rule cannot switch this one off.
 * @type {import('eslint').Rule.RuleModule}
 */
const sqlOnlyInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'Kysely query builders and the sql template only in *-repository.ts files and electron/core/db/' },
    schema: [],
    messages: {
      builder: '.{{name}}() builds SQL: move it into a *-repository.ts of the folder that owns the table.',
      sqlTemplate: "Kysely's sql builds SQL: move it into a *-repository.ts of the folder that owns the table.",
    },
  },
  create(context) {
    // `sql` as Kysely exports it, under whatever local name the file imports it.
    const sqlNames = new Set();
    /** @param {import('estree').Node} node */
    const isSql = (node) => node.type === 'Identifier' && sqlNames.has(node.name);
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'kysely') return;
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && s.imported.name === 'sql') sqlNames.add(s.local.name);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && QUERY_BUILDERS.has(callee.property.name)) {
          context.report({ node: callee.property, messageId: 'builder', data: { name: callee.property.name } });
        }
      },
      TaggedTemplateExpression(node) {
        if (isSql(node.tag)) context.report({ node, messageId: 'sqlTemplate' });
      },
      // sql.raw(), sql.ref(), sql.table()...: the template's helpers.
      MemberExpression(node) {
        if (isSql(node.object)) context.report({ node, messageId: 'sqlTemplate' });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The renderer is untrusted UI: it talks to main only through the shared contract.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron; use the contract client.' }],
          patterns: [{ group: ['**/electron/**', 'electron/*'], message: 'The renderer never imports from electron/; use shared/.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs on both sides and never imports electron.' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither electron/ nor renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronOnly,
    rules: {
      // The core and the CLI run in plain Node: only the three shell files may touch Electron.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts and ipc.ts import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: [
      '**/*-repository.ts',
      // Migrations, the connection and schema helpers.
      'electron/core/db/**',
      'test/**',
      'bench/**',
    ],
    plugins: { portier: { rules: { 'sql-only-in-repositories': sqlOnlyInRepositories } } },
    rules: { 'portier/sql-only-in-repositories': 'error' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
