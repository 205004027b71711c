import { describe, expect, it } from 'vitest';
import { isUnattended } from '../../electron/shell/call-nature';

describe('the call nature the preload sends over IPC', () => {
  it('is unattended only for exactly { unattended: true }; anything a page could send otherwise counts as attended', () => {
    expect(isUnattended({ unattended: true })).toBe(true);
    for (const other of [undefined, null, true, 'unattended', 1, {}, { unattended: 'true' }, { unattended: 1 }, { unattended: false }, [true]]) {
      expect(isUnattended(other), JSON.stringify(other)).toBe(false);
    }
  });
});
