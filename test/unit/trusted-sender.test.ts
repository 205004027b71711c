import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, type SenderLike } from '../../electron/shell/trusted-sender';

/** Electron cannot run here (no binary): a stand-in for IpcMainInvokeEvent with only what the check reads. */
const standInEvent = (url: string, parent: unknown = null): SenderLike => ({ senderFrame: { url, parent } });
const ourFrame = { url: 'app://portier/index.html', parent: null };

describe('who may call Portier over IPC (stand-in IPC event: no Electron binary here)', () => {
  it("lets the top frame of Portier's own renderer call", () => {
    expect(isTrustedSender(standInEvent('app://portier/index.html'))).toBe(true);
    expect(isTrustedSender(standInEvent('app://portier/accounts?page=2#top'))).toBe(true);
  });

  it('refuses a subframe, even one showing our own renderer', () => {
    expect(isTrustedSender(standInEvent('app://portier/index.html', ourFrame))).toBe(false);
    expect(isTrustedSender(standInEvent('https://evil.example/', ourFrame))).toBe(false);
  });

  it('refuses a foreign page in the top frame, a wrong origin and a gone frame', () => {
    for (const url of [
      'https://evil.example/',
      'https://portier/index.html',
      'app://portier.evil.example/index.html',
      'app://evil/index.html',
      'file:///tmp/index.html',
      'http://127.0.0.1:5173/',
      'about:blank',
      'data:text/html,<script>1</script>',
      '',
    ]) {
      expect(isTrustedSender(standInEvent(url)), url).toBe(false);
    }
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });

  it('asks the given origin check, so the shell decides what is its own', () => {
    expect(isTrustedSender(standInEvent('https://evil.example/'), () => true)).toBe(true);
    expect(isTrustedSender(standInEvent('app://portier/index.html'), () => false)).toBe(false);
    expect(isAppUrl('app://portier/index.html')).toBe(true);
  });
});
