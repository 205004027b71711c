import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { SECRET_MASK } from '../../shared/api/outbox';
import { expect, test } from './fixtures';
import { OrganisationsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/portier.mjs'), ...args], { encoding: 'utf8' });

/** Share of pixels that differ by more than a small amount in any channel, compared in the browser's own canvas. */
async function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const [x, y] = [await load(first), await load(second)];
      if (x.width !== y.width || x.height !== y.height) throw new Error(`sizes differ: ${x.width}×${x.height} and ${y.width}×${y.height}`);
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d canvas');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [p, q] = [pixels(x), pixels(y)];
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i]! - q[i]!) > 24 || Math.abs(p[i + 1]! - q[i + 1]!) > 24 || Math.abs(p[i + 2]! - q[i + 2]!) > 24) differing += 1;
      }
      return differing / (p.length / 4);
    },
    [`data:image/png;base64,${a.toString('base64')}`, `data:image/png;base64,${b.toString('base64')}`] as const,
  );
}

test('the outbox preview shows a mail as the customer sees it: its inline styles applied, pixel for pixel like the delivered HTML', async ({ page, portier }) => {
  // Tall enough for the whole preview frame to be on screen.
  await page.setViewportSize({ width: 1280, height: 1400 });
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Bäckerei Müller GmbH', postalCode: '50667', city: 'Köln' });

  // One account and its activation through the CLI, into the running server's database.
  const csv = path.join(portier.dataDir, 'accounts.csv');
  fs.writeFileSync(csv, 'email,organisation,language\nj.groesse@example.de,Bäckerei Müller GmbH,de\n');
  for (const args of [
    ['import', 'accounts', csv],
    ['settings', 'portal', '--url', 'https://portal.example.com/', '--time-zone', 'Europe/Berlin'],
    ['accounts', 'send-activation', 'j.groesse@example.de'],
  ]) {
    const run = cli(...args, '--data-dir', portier.dataDir);
    expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  }

  await page.getByRole('navigation').getByRole('link', { name: 'Outbox', exact: true }).click();
  await page.getByRole('button', { name: /Ihr Zugang zum Kundenportal/ }).click();
  const frame = page.locator('iframe[title^="Preview of"]');
  const content = page.frameLocator('iframe[title^="Preview of"]');
  await expect(content.getByText(/Jürgen|j\.groesse/).first()).toBeVisible();
  // The bug: the app's policy dropped every inline style. The company line is bold and blue.
  await expect(content.getByText('Portier', { exact: true }).first()).toHaveCSS('color', 'rgb(31, 95, 139)');

  // Inside the frame's 1px border: the mail's own pixels.
  const box = await frame.boundingBox();
  if (!box) throw new Error('the preview frame has no box');
  const clip = { x: Math.ceil(box.x) + 1, y: Math.ceil(box.y) + 1, width: Math.floor(box.width) - 2, height: Math.floor(box.height) - 2 };
  const preview = await page.screenshot({ clip });

  // The same mail as it is delivered (the stored HTML, its token masked as in the preview), alone in a page of that size.
  const db = new Database(path.join(portier.dataDir, 'portier.sqlite'), { readonly: true, fileMustExist: true });
  const row = db.prepare('SELECT html FROM outbox_mail ORDER BY id DESC LIMIT 1').get() as { html: string };
  db.close();
  const delivered = await page.context().newPage();
  await delivered.setViewportSize({ width: clip.width, height: clip.height });
  await delivered.setContent(row.html.split(SECRET_MARKER).join(SECRET_MASK));
  const alone = await delivered.screenshot();
  await delivered.close();

  expect(await differingShare(page, preview, alone)).toBeLessThan(0.01);
});
