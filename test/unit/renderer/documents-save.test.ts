// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { saveFile } from '../../../renderer/src/features/documents/save-file';
import type { SaveFileRequest } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';

const file = { fileName: 'activation-letter-7.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7').toString('base64') };

afterEach(() => {
  delete window.portier;
});

describe('save as from the documents list', () => {
  it('in browser mode downloads the file under its own name', async () => {
    let clicked: HTMLAnchorElement | null = null;
    const onClick = (event: Event) => {
      clicked = event.target as HTMLAnchorElement;
      event.preventDefault();
    };
    document.addEventListener('click', onClick);
    try {
      expect(await saveFile(file)).toBe('downloaded');
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(clicked).not.toBeNull();
    expect((clicked as HTMLAnchorElement | null)?.download).toBe('activation-letter-7.pdf');
    expect((clicked as HTMLAnchorElement | null)?.href).toMatch(/^blob:/);
  });

  it('in the desktop app asks the preload’s native dialog (stand-in bridge: no Electron here) and reports a cancel or a failed write', async () => {
    const requests: SaveFileRequest[] = [];
    let answer: Result<{ saved: true; filePath: string } | { saved: false }> = { ok: true, value: { saved: true, filePath: '/home/ada/brief.pdf' } };
    window.portier = {
      invoke: () => Promise.reject(new Error('not used')),
      saveFile: (request) => {
        requests.push(request);
        return Promise.resolve(answer);
      },
    };
    expect(await saveFile(file)).toBe('saved');
    expect(requests).toEqual([file]);
    answer = { ok: true, value: { saved: false } };
    expect(await saveFile(file)).toBe('cancelled');
    answer = { ok: false, error: { code: 'INTERNAL', message: 'The file could not be written to /home/ada/brief.pdf (EACCES).' } };
    await expect(saveFile(file)).rejects.toThrow(/EACCES/);
  });
});
