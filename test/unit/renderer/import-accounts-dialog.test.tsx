// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportRow } from '../../../shared/api/account-import';
import { ImportAccountsDialog } from '../../../renderer/src/features/portal-accounts/ImportAccountsDialog';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

/** 2,500 rows as Dutch Excel saves them: Windows-1252 (ö = 0xF6), semicolons, CRLF; line 5 repeats line 3's email. */
function excelFile(): File {
  const lines = ['Email;Organisation;Nickname'];
  for (let i = 0; i < 2500; i++) lines.push(`${i === 3 ? 'user1' : i === 8 ? 'taken' : `user${i}`}@example.com;Müller BV;Jörg ${i}`);
  const text = `${lines.join('\r\n')}\r\n`;
  return new File([Uint8Array.from([...text].map((c) => c.charCodeAt(0)))], 'accounts.csv', { type: 'text/csv' });
}

/** The core's answer: rows of taken@example.com already have an account. */
const answer = (rows: ImportRow[], dryRun: boolean): ImportOutcome[] =>
  rows.map((r, i) =>
    r.email === 'taken@example.com'
      ? { line: r.line, email: r.email, outcome: 'rejected', accountId: null, reason: { code: 'account_exists', params: { email: r.email } } }
      : { line: r.line, email: r.email, outcome: 'created', accountId: dryRun ? null : r.line * 10 + i, reason: null },
  );

describe('the import dialog', () => {
  it('reads a Windows-1252 file, previews the report from a dry run, then imports in chunks with progress until Cancel', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const seen: ImportRow[] = [];
    const { fake } = renderWithApp(<ImportAccountsDialog onClose={() => undefined} />, {
      'portal-accounts:import': async (input) => {
        const dryRun = input.dryRun ?? false;
        if (!dryRun) seen.push(...input.rows);
        // The second import chunk waits until the test lets it go, so progress and Cancel can be seen mid-way.
        if (!dryRun && seen.length > 1000) await new Promise<void>((resolve) => (release = resolve));
        return answer(input.rows, dryRun);
      },
    });
    await user.upload(screen.getByLabelText('CSV file'), excelFile());

    expect(await screen.findByText('Check result: accounts to create: 2,498; rows rejected: 2.')).toBeTruthy();
    expect(screen.getByText(/read as Windows-1252/)).toBeTruthy();
    const dry = fake.callsTo('portal-accounts:import') as { rows: ImportRow[]; dryRun: boolean }[];
    expect(dry.map((c) => [c.rows.length, c.dryRun])).toEqual([
      [1000, true],
      [1000, true],
      [499, true],
    ]);
    expect(dry[0]?.rows[0]).toMatchObject({ line: 2, email: 'user0@example.com', organisation: 'Müller BV', nickname: 'Jörg 0' });
    const rejected = screen.getByRole('table', { name: 'Rejected rows' });
    expect(rejected.textContent).toContain('same email as line 3');
    expect(rejected.textContent).toContain('a portal account taken@example.com already exists');

    await user.click(screen.getByRole('button', { name: 'Import 2,498 accounts' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Importing 1,001 of 2,500 rows'));
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(1001);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    release();
    expect(await screen.findByText('Import cancelled after 1,999 accounts; the rest of the file was not imported.')).toBeTruthy();
    expect((fake.callsTo('portal-accounts:import') as { dryRun: boolean }[]).filter((c) => !c.dryRun)).toHaveLength(2);
  });

  it('refuses a file that is no text, naming the line, and sends nothing', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ImportAccountsDialog onClose={() => undefined} />, {});
    await user.upload(screen.getByLabelText('CSV file'), new File([Uint8Array.from([0x65, 0x0a, 0x81, 0x00])], 'x.csv'));
    expect((await screen.findByRole('alert')).textContent).toBe('line 2 is neither UTF-8 nor Windows-1252 text; save the file as "CSV UTF-8"');
    expect(fake.calls).toHaveLength(0);
  });
});
