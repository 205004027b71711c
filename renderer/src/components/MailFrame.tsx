/**
 * The policy of a mail preview's own document: inline styles and data: images, as a mail
 * client shows them; nothing fetched (no tracking pixels, no remote fonts), nothing run.
 */
export const MAIL_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const META = `<meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_POLICY}">`;

/**
 * The mail's HTML with the frame's policy as the first thing in its head. It goes after
 * <head>, <html> or the doctype, whichever comes first to hand: before a doctype it would
 * put the document in quirks mode and so render it unlike the delivered mail.
 */
export function mailFrameDocument(html: string): string {
  for (const tag of [/<head(\s[^>]*)?>/i, /<html(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const match = tag.exec(html);
    if (match) return `${html.slice(0, match.index + match[0].length)}${META}${html.slice(match.index + match[0].length)}`;
  }
  return `${META}${html}`;
}

/**
 * A mail as the customer sees it, in a frame that may run nothing (sandbox="": no scripts,
 * no forms, no navigation of the app) with its own stricter policy on top of the app's.
 */
export function MailFrame({ html, title }: { html: string; title: string }) {
  return <iframe className="mail-preview__frame" title={title} sandbox="" srcDoc={mailFrameDocument(html)} />;
}
