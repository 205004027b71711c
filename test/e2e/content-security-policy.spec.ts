import { expect, test } from './fixtures';
import { PortierApp } from './pages/portier-app';

/**
 * Issue 9, point 8: the renderer's Content-Security-Policy holds in a real Chromium (browser
 * mode; the desktop window sends the same policy). If some text ever reached the DOM as
 * HTML, an injected script must still not run: the policy allows only Portier's own files.
 */
declare global {
  interface Window {
    __portierInjected?: string;
    __portierViolations?: string[];
  }
}

test('an injected inline script or inline event handler does not run, and the browser reports the violation', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();

  await page.evaluate(() => {
    window.__portierViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__portierViolations?.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = "window.__portierInjected = 'inline script ran';";
    document.head.append(script);
    const image = document.createElement('img');
    image.setAttribute('src', '/no-such-image.png');
    image.setAttribute('onerror', "window.__portierInjected = 'inline handler ran';");
    document.body.append(image);
  });
  // Playwright's own way of adding a script is refused the same way.
  await page.addScriptTag({ content: "window.__portierInjected = 'script tag ran';" }).catch(() => undefined);

  await expect.poll(() => page.evaluate(() => window.__portierViolations ?? [])).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  expect(await page.evaluate(() => window.__portierInjected)).toBeUndefined();
  // Portier itself still works: its own script is allowed.
  await expect(page.getByRole('button', { name: 'Create administrator' })).toBeEnabled();
});
