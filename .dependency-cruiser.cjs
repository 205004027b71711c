// @ts-check
// The folder rules of the core (`npm run check:deps`, part of `npm run lint`):
// - no cycle between the folders of electron/core: each thing has one owner, and an owner
//   never needs what is built on it (contacts own names, the account index sits below both
//   contacts and portal accounts, staff build on auth);
// - electron/core runs in plain Node (tests, CLI, browser mode, portal): it imports no shell,
//   transport or renderer, and not Electron.

const CORE_FOLDER = '^electron/core/[^/]+';

/**
 * PENDING: folder cycles being removed on branch fix/usecases (settings take the activation
 * settings and the logo, templates the expiry formatting). They are reported as warnings
 * until then; empty this list after merging it, and a cycle between these folders fails again.
 * Each entry names one cycle and the folder dependencies (from, to) that make it.
 */
const PENDING_CYCLES = [
  { cycle: 'activation <-> templates', edges: [['activation', 'templates'], ['templates', 'activation']] },
  { cycle: 'activation <-> documents', edges: [['activation', 'documents'], ['documents', 'activation']] },
  // Not a third cycle of its own: documents -> templates is circular only through the two
  // above (documents -> templates -> activation -> documents) and stops being so with them.
  { cycle: 'activation <-> templates, activation <-> documents', edges: [['documents', 'templates']] },
];

const pendingTargets = new Map();
for (const { edges } of PENDING_CYCLES) {
  for (const [from, to] of edges) pendingTargets.set(from, [...(pendingTargets.get(from) ?? []), to]);
}
const exactly = (folders) => `^electron/core/(${folders.join('|')})$`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const folderCycleRules = [
  {
    name: 'no-core-folder-cycle',
    comment: 'Two folders of electron/core import each other (directly or around a loop): give the thing they share one owner.',
    severity: 'error',
    scope: 'folder',
    from: { path: CORE_FOLDER, ...(pendingTargets.size > 0 ? { pathNot: exactly([...pendingTargets.keys()]) } : {}) },
    to: { circular: true },
  },
  ...[...pendingTargets].flatMap(([from, targets]) => [
    {
      name: 'no-core-folder-cycle',
      comment: 'Two folders of electron/core import each other (directly or around a loop): give the thing they share one owner.',
      severity: /** @type {const} */ ('error'),
      scope: /** @type {const} */ ('folder'),
      from: { path: exactly([from]) },
      to: { circular: true, pathNot: exactly(targets) },
    },
    {
      name: 'pending-core-folder-cycle',
      comment: 'A known folder cycle, being removed on branch fix/usecases (see PENDING_CYCLES in .dependency-cruiser.cjs).',
      severity: /** @type {const} */ ('warn'),
      scope: /** @type {const} */ ('folder'),
      from: { path: exactly([from]) },
      to: { circular: true, path: exactly(targets) },
    },
  ]),
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
