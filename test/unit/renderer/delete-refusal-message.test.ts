import { expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { errorMessage } from '../../../renderer/src/i18n/error-messages';
import { AppError } from '../../../shared/errors';

const refused = (params: Record<string, number>) => new AppError('IN_USE', 'core text', { params });

it('a refused delete says what still refers to the record, counted and translated', () => {
  expect(errorMessage(createI18n('nl').t, refused({ accounts: 2, persons: 3, children: 0 }))).toBe(
    'Dit kan niet worden verwijderd: 2 portalaccounts, 3 personen verwijzen er nog naar. Verplaats of verwijder die eerst.',
  );
  expect(errorMessage(createI18n('de').t, refused({ accounts: 1 }))).toContain('1 Portalkonto verweisen');
  expect(errorMessage(createI18n('en').t, refused({ accounts: 0, persons: 1, children: 2 }))).toBe(
    'This cannot be deleted: 1 person, 2 child organisations still refer to it. Move or delete those first.',
  );
  // Without counts (a foreign key the core did not foresee) it still says why, in general terms.
  expect(errorMessage(createI18n('en').t, refused({}))).toBe('This record cannot be deleted because other records still refer to it.');
});
