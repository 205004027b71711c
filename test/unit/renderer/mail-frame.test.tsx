// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/content-security-policy';
import { MAIL_FRAME_POLICY, MailFrame, mailFrameDocument } from '../../../renderer/src/components/MailFrame';

afterEach(cleanup);

const mail = '<!doctype html>\n<html><head><title>x</title></head><body style="background:#f4f6f8"><p style="color:#1f5f8b">Hi</p></body></html>';

describe('a mail preview frame', () => {
  it('runs nothing and carries its own policy: inline styles and data: images, nothing fetched, no scripts', () => {
    render(<MailFrame title="Preview of Hi" html={mail} />);
    const frame = screen.getByTitle('Preview of Hi');
    expect(frame.getAttribute('sandbox')).toBe('');
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc).toContain(`<head><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_POLICY}"><title>x</title>`);
    expect(doc).toContain('<p style="color:#1f5f8b">Hi</p>');
    expect(MAIL_FRAME_POLICY).not.toMatch(/script-src|unsafe-eval/);
    expect(MAIL_FRAME_POLICY).toContain("default-src 'none'");
  });

  it('keeps the doctype first (no quirks mode), whatever the mail starts with', () => {
    expect(mailFrameDocument('<!DOCTYPE html><html lang="nl"><body>b</body></html>')).toMatch(/^<!DOCTYPE html><html lang="nl"><meta http-equiv/);
    expect(mailFrameDocument('<!doctype html><p>b</p>')).toMatch(/^<!doctype html><meta http-equiv/);
    expect(mailFrameDocument('<p>b</p>')).toMatch(/^<meta http-equiv.*<p>b<\/p>$/);
  });

  it('is allowed its inline styles by the app’s policy, which a srcdoc frame inherits, while scripts stay the app’s own only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});
