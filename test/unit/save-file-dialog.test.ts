import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveFile, type SaveDialog } from '../../electron/shell/save-file';

const PDF = 'application/pdf';
const bytes = Buffer.from('%PDF-1.7 letter');
let dir: string;
let asked: Parameters<SaveDialog>[0][];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-save-'));
  asked = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Stands in for Electron's dialog.showSaveDialog (no Electron binary on these machines): answers with a chosen path or a cancel. */
const standInDialog =
  (answer: { canceled: boolean; filePath?: string }): SaveDialog =>
  async (options) => {
    asked.push(options);
    return answer;
  };
const deps = (dialog: SaveDialog) => ({ dialog, writeFile: (p: string, d: Buffer) => fs.promises.writeFile(p, d), documentsDir: '/home/ada/Documents' });

describe('save as in the desktop app (stand-in for Electron’s dialog)', () => {
  it('suggests the name in the documents folder with a filter for its type, and writes the bytes only where the user chose', async () => {
    const chosen = path.join(dir, 'brief.pdf');
    const result = await saveFile({ fileName: 'Activation letter – ada@example.com.pdf', mimeType: PDF, base64: bytes.toString('base64') }, deps(standInDialog({ canceled: false, filePath: chosen })));
    expect(result).toEqual({ ok: true, value: { saved: true, filePath: chosen } });
    expect(fs.readFileSync(chosen)).toEqual(bytes);
    expect(asked).toEqual([{ defaultPath: path.join('/home/ada/Documents', 'Activation letter – ada@example.com.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const result = await saveFile({ fileName: 'letter.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: bytes.toString('base64') }, deps(standInDialog({ canceled: true })));
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(asked[0]?.filters).toEqual([{ name: 'Word', extensions: ['docx'] }]);
  });

  it.each([
    ['a path instead of a name', { fileName: '../../.bashrc', mimeType: PDF, base64: 'AAAA' }],
    ['a Windows path', { fileName: 'C:\\Windows\\evil.pdf', mimeType: PDF, base64: 'AAAA' }],
    ['a hidden file', { fileName: '.profile', mimeType: PDF, base64: 'AAAA' }],
    ['a control character', { fileName: 'letter\u0000.pdf', mimeType: PDF, base64: 'AAAA' }],
    ['another type', { fileName: 'run.sh', mimeType: 'application/x-sh', base64: 'AAAA' }],
    ['bytes that are not base64', { fileName: 'letter.pdf', mimeType: PDF, base64: 'not base64!' }],
    ['a file too large', { fileName: 'letter.pdf', mimeType: PDF, base64: 'A'.repeat(100_000_004) }],
    ['an extra field', { fileName: 'letter.pdf', mimeType: PDF, base64: 'AAAA', path: '/etc/passwd' }],
  ])('refuses %s without asking or writing', async (_case, input) => {
    const result = await saveFile(input, deps(standInDialog({ canceled: false, filePath: path.join(dir, 'x') })));
    expect(result.ok).toBe(false);
    expect(asked).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says where it could not write', async () => {
    const result = await saveFile({ fileName: 'letter.pdf', mimeType: PDF, base64: 'AAAA' }, deps(standInDialog({ canceled: false, filePath: path.join(dir, 'missing', 'letter.pdf') })));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(result.ok ? '' : result.error.message).toContain('ENOENT');
  });
});
