// @ts-check
// The folder rules of the core (`npm run check:deps`, part of `npm run lint`):
// - no cycle between the folders of electron/core: each thing has one owner, and an owner
//   never needs what is built on it (contacts own names, the account index sits below both
//   contacts and portal accounts, staff build on auth);
// - electron/core runs in plain Node (tests, CLI, browser mode, portal): it imports no shell,
//   transport or renderer, and not Electron.

const CORE_FOLDER = '^electron/core/[^/]+';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const folderCycleRules = [
  {
    name: 'no-core-folder-cycle',
    comment: 'Two folders of electron/core import each other (directly or around a loop): give the thing they share one owner.',
    severity: 'error',
    scope: 'folder',
    from: { path: CORE_FOLDER },
    to: { circular: true },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...folderCycleRules,
    {
      name: 'core-stays-plain-node',
      comment:
        'electron/core runs unchanged in tests, the CLI, browser mode and the portal: it never imports the CLI, a server, the Electron shell (main, ipc, preload, shell/), the renderer or electron.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: {
        path: ['^electron/(cli|server|shell)/', '^electron/(main|ipc|preload)\\.ts$', '^renderer/', '^node_modules/electron/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a folder that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
  },
};
