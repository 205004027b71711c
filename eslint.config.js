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

/** What only SQLite understands, in a string or template literal: each found is reported once per literal. */
const SQLITE_ONLY = [
  { pattern: /\bPRAGMA\b/i, what: 'PRAGMA' },
  // FTS5's full-text operator; upper case and spaced, so that "a match" in a message is not taken for it.
  { pattern: / MATCH /, what: 'MATCH (FTS5)' },
  { pattern: /\browid\b/i, what: 'rowid' },
  { pattern: /\bSQLITE_[A-Z_]*/, what: 'a SQLite error code (SQLITE_...)' },
  // Spelt differently on PostgreSQL: through sqlFor(db) (electron/core/db/dialect/fragments.ts).
  { pattern: /\bjson_each\b/, what: 'json_each' },
  { pattern: /\bCOLLATE NOCASE\b/i, what: 'COLLATE NOCASE' },
  { pattern: /\bINDEXED BY\b/i, what: 'INDEXED BY' },
  { pattern: /\bgroup_concat\b/i, what: 'group_concat' },
  { pattern: /\binstr\(/i, what: 'instr()' },
  { pattern: /\bifnull\(/i, what: 'ifnull()' },
];

/** Where SQLite-only SQL belongs: the SQLite dialect and the (SQLite) migrations. */
const SQLITE_HOME = /(^|\/)electron\/core\/db\/(dialect\/sqlite[^/]*|migrations\/.*)$/;

/**
 * Issue 13: the core runs on SQLite and PostgreSQL, so what only SQLite understands lives in
 * the SQLite dialect (electron/core/db/dialect/sqlite*) and the migrations. The rule knows those
 * paths itself, so that turning it on anywhere (config, --rule, a test) spares them.
 * @type {import('eslint').Rule.RuleModule}
 */
const sqliteOnlyInDialect = {
  meta: {
    type: 'problem',
    docs: { description: 'PRAGMA, MATCH, rowid and SQLITE_ error codes only in the SQLite dialect and the migrations' },
    schema: [],
    messages: {
      sqliteOnly: '{{what}} is SQLite-only: move it behind the dialect interface (electron/core/db/dialect/), with a PostgreSQL twin.',
    },
  },
  create(context) {
    if (SQLITE_HOME.test(context.filename.replaceAll('\\', '/'))) return {};
    /** @param {import('estree').Node} node @param {string} text */
    const check = (node, text) => {
      for (const { pattern, what } of SQLITE_ONLY) if (pattern.test(text)) context.report({ node, messageId: 'sqliteOnly', data: { what } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateElement(node) {
        check(node, node.value.cooked ?? node.value.raw);
      },
    };
  },
};

/** The project's own rules. */
const portierPlugin = { rules: { 'sql-only-in-repositories': sqlOnlyInRepositories, 'sqlite-only-in-dialect': sqliteOnlyInDialect } };

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
    plugins: { portier: portierPlugin },
    rules: { 'portier/sql-only-in-repositories': 'error' },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    plugins: { portier: portierPlugin },
    rules: { 'portier/sqlite-only-in-dialect': 'error' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
