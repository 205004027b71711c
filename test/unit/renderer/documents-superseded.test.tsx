// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { DocumentsScreen } from '../../../renderer/src/features/documents/DocumentsScreen';
import type { DocumentRow } from '../../../shared/api/documents';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const letter = (id: number, superseded: boolean): DocumentRow => ({
  id,
  accountId: 4,
  accountUsername: 'anna@example.com',
  kind: 'activation-letter',
  title: `Activeringsbrief ${id}`,
  createdAt: '2026-11-01T10:00:00.000Z',
  createdByName: 'Ada Administrator',
  superseded,
});

it('marks a letter whose code a newer activation replaced as superseded, in the UI language', async () => {
  renderWithApp(<DocumentsScreen me={staffMember()} />, { 'documents:list': () => ({ rows: [letter(2, false), letter(1, true)], total: 2 }) }, { language: 'nl' });
  const old = (await screen.findByText('Activeringsbrief 1')).closest('tr');
  const fresh = screen.getByText('Activeringsbrief 2').closest('tr');
  if (!old || !fresh) throw new Error('rows missing');
  expect(within(old).getByText('Vervangen').getAttribute('title')).toContain('werkt niet meer');
  expect(within(fresh).queryByText('Vervangen')).toBeNull();
});
