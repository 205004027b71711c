import fs from 'node:fs';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { takeBackOfficeLock, type BackOfficeLock } from './core/back-office-lock';
import { OutboxWorker, wakeOnOutboxChanges } from './core/outbox/outbox-worker';
import { InvitationSweep } from './core/account-index/invitation-sweep';
import { threadedSender } from './core/outbox/threaded-sender';
import { safeStorageSecretBox } from './shell/safe-storage-box';
import { openPortierCore, type CoreOptions } from './core/portier-core';
import type { SecretBox } from './core/outbox/secret-box';
import { RememberedDatabaseUnavailable, openSwitchingCore, type RunningCore, type SwitchingCore } from './core/office-database/switching-core';
import { forgetRememberedChoice, rememberedFileOf } from './core/office-database/remembered-database';
import { databaseArgument } from './shell/database-argument';
import { officeDatabaseDialogText } from './shell/office-database-dialog-text';
import { registerIpc, registerSaveFile } from './ipc';
import { saveFile } from './shell/save-file';
import { contentTypeFor, lookupStaticFile } from './server/static-files';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './shell/content-security-policy';
import { isAllowedExternalUrl } from './shell/external-links';
import { findElectronSqliteBinding, isNativeLoadError } from './shell/native-binding';
import { APP_HOST, APP_SCHEME, isAppUrl } from './shell/trusted-sender';
import { MIN_WINDOW_SIZE, fitToDisplays, loadWindowState, saveWindowState } from './shell/window-state';

/** The renderer is served from app://portier/: a real origin for CSP, unlike file://. */
const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

// Must happen before 'ready'. standard + secure: relative URLs, and the page counts as a secure context.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// PORTIER_DATA_DIR moves all of the app's data (database, window state,
// Chromium's caches) so tests and second installs stay apart; the
// single-instance lock follows it.
if (process.env.PORTIER_DATA_DIR) app.setPath('userData', path.resolve(process.env.PORTIER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;

/**
 * The project folder (or app.asar when packaged). Derived from this bundle's
 * place, dist/main/main.cjs, rather than app.getAppPath(), which is the
 * script's folder when Electron is started on the file (as Playwright does).
 */
const appRoot = path.resolve(__dirname, '..', '..');
/** The template preview thread, built next to main.cjs; worker threads load their script from the file system, outside the asar. */
const templateThread = path.join(__dirname, 'template-thread.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
const rendererDir = () => path.join(appRoot, 'dist', 'renderer');

function logError(where: string, error: unknown): void {
  console.error(`portier: error in ${where}:`, error instanceof Error ? error.message : error);
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const found = lookupStaticFile(rendererDir(), url.pathname);
    if (found.kind !== 'file') {
      const status = found.kind === 'forbidden' ? 403 : found.kind === 'bad-request' ? 400 : 404;
      return new Response('Not found', { status });
    }
    const body = await fs.promises.readFile(found.file);
    return new Response(new Uint8Array(body), { headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.file) } });
  });
}

function hardenSession(ses: Session): void {
  // The CSP also rides on every response that goes through the network stack (http/https/file).
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Portier needs no camera, microphone, notifications, geolocation, ...
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function openIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Applies to every webContents, including any a future feature might create. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function createWindow(): BrowserWindow {
  const state = fitToDisplays(
    loadWindowState(windowStateFile()),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Portier',
    icon: path.join(appRoot, 'resources', 'icon.png'),
    webPreferences: {
      preload: path.join(appRoot, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowState(windowStateFile(), { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
  return window;
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  // Reload and devtools are for development only: a packaged app has no use for them.
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [...developerItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Portier', click: () => app.showAboutPanel() }] },
  ];
  return Menu.buildFromTemplate(template);
}

function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      'The SQLite module is built for Node.js, not for Electron. Build it for Electron into native/electron ' +
      '(node scripts/build-native-electron.mjs; see "better-sqlite3 for Electron" in README.md), or use browser mode: npm run portier -- serve.\n\n' +
      message
    );
  }
  return message;
}

/**
 * Opens the back office with better-sqlite3 built for Electron: from native/electron if present, else node_modules.
 * First the data folder's back-office lock: a second back office (another desktop, or serve, on the
 * same folder) would send the outbox twice, so it refuses to start, naming the one that runs.
 */
async function openCore(): Promise<{ back: SwitchingCore; lock: BackOfficeLock }> {
  const dataDir = app.getPath('userData');
  const nativeBinding = findElectronSqliteBinding({ appPath: appRoot, resourcesPath: process.resourcesPath });
  if (nativeBinding) {
    try {
      return await openBackOffice(dataDir, { nativeBinding });
    } catch (error) {
      // A build for another platform (packaged from a developer's native/ folder) cannot load;
      // the package's own module, rebuilt by electron-builder, still can.
      if (!isNativeLoadError(error)) throw error;
      logError(`loading ${nativeBinding}`, error);
    }
  }
  return openBackOffice(dataDir, {});
}

/**
 * The database: --database (or PORTIER_DATABASE_URL) when given, else the office database
 * chosen on the connect screen (remembered in the data folder), else this desk's SQLite.
 * Choosing on the screen re-opens the core in this process; the window stays, everyone signs in again.
 */
async function openBackOffice(dataDir: string, binding: { nativeBinding?: string }): Promise<{ back: SwitchingCore; lock: BackOfficeLock }> {
  const lock = takeBackOfficeLock(dataDir, 'desktop', binding);
  try {
    const secretBox = safeStorageSecretBox(safeStorage, dataDir);
    const back = await openSwitchingCore({
      dataDir,
      secretBox,
      commandLineUrl: databaseArgument(process.argv, process.env),
      onError: (error) => logError('close', error),
      open: (database) => openRunningCore(dataDir, binding, secretBox, database),
    });
    return { back, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A core on one database, with the outbox worker and the invitation sweep beside it. */
async function openRunningCore(dataDir: string, binding: { nativeBinding?: string }, secretBox: SecretBox, database: Pick<CoreOptions, 'databaseUrl' | 'officeDatabase'>): Promise<RunningCore> {
  const core = await openPortierCore({ dataDir, ...binding, ...database, resourcesDir: path.join(appRoot, 'resources'), templateThread, secretBox, onError: logError });
  // This process owns the outbox: it sends queued mails (and resends what a crash left half-sent).
  // Mails are built and sent from a thread of their own; a thread cannot load a script from inside the asar archive.
  const senderThread = path.join(__dirname, 'sender-thread.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  const outbox = new OutboxWorker({ deps: core.deps, dataDir: core.dataDir, sender: threadedSender(senderThread), onError: (error) => logError('outbox', error) });
  wakeOnOutboxChanges(core, outbox);
  void outbox.start().catch((error: unknown) => logError('outbox', error));
  // Keeps the search index's invitation stages in step with the clock (the list is exact without it, and faster with it).
  const invitationSweep = new InvitationSweep({ deps: core.deps, onError: (error) => logError('invitation-sweep', error) });
  invitationSweep.start();
  return {
    core,
    stop: async () => {
      await outbox.stop();
      await invitationSweep.stop();
      await core.close();
    },
  };
}

/**
 * Opens the back office; when the remembered office database cannot be opened, asks: try
 * again, go back to this desk's own database (forgetting the choice), or quit (null).
 */
async function openCoreAsking(): Promise<{ back: SwitchingCore; lock: BackOfficeLock } | null> {
  for (;;) {
    try {
      return await openCore();
    } catch (error) {
      if (!(error instanceof RememberedDatabaseUnavailable)) throw error;
      const text = officeDatabaseDialogText(app.getLocale());
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: text.title,
        message: text.message,
        detail: error.message,
        buttons: [text.retry, text.useOwn, text.quit],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (response === 2) return null;
      if (response === 1) forgetRememberedChoice(rememberedFileOf(app.getPath('userData')));
    }
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  app.setAboutPanelOptions({
    applicationName: 'Portier',
    applicationVersion: app.getVersion(),
    iconPath: path.join(appRoot, 'resources', 'icon.png'),
  });
  Menu.setApplicationMenu(buildMenu());
  hardenSession(session.defaultSession);
  serveRenderer();

  let opened: { back: SwitchingCore; lock: BackOfficeLock } | null;
  try {
    opened = await openCoreAsking();
  } catch (error) {
    dialog.showErrorBox('Portier cannot start', describeStartupError(error));
    app.exit(1);
    return;
  }
  if (!opened) {
    app.exit(1);
    return;
  }
  const { back, lock } = opened;
  const unregisterIpc = registerIpc({ core: back, isAppUrl, onError: logError });
  const unregisterSaveFile = registerSaveFile({
    isAppUrl,
    save: (sender, input) =>
      saveFile(input, {
        dialog: (options) => {
          const parent = BrowserWindow.fromWebContents(sender);
          return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
        },
        writeFile: (filePath, data) => fs.promises.writeFile(filePath, data),
        documentsDir: app.getPath('documents'),
      }),
  });
  mainWindow = createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Close the database before the process ends, so the WAL is checkpointed.
    event.preventDefault();
    closed = true;
    unregisterIpc();
    unregisterSaveFile();
    back
      .close()
      .catch((error: unknown) => logError('close', error))
      .finally(() => {
        lock.release();
        app.quit();
      });
  });
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file and one window state: let the first one win.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  start().catch((error: unknown) => {
    dialog.showErrorBox('Portier cannot start', describeStartupError(error));
    app.exit(1);
  });
}
