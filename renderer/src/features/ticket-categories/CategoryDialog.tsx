import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketCategory } from '../../../../shared/api/tickets';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { asAppError, type AnyFieldError } from '../../i18n/error-messages';
import { useCreateTicketCategory, useUpdateTicketCategory } from './ticket-category-queries';

const NAMES = ['nameEn', 'nameNl', 'nameDe'] as const;
type NameField = (typeof NAMES)[number];

/**
 * Add or edit a ticket category: its name in each UI language, all required. Problems show
 * next to their field and the dialog keeps every name typed.
 */
export function CategoryDialog({ category, onClose }: { category?: TicketCategory | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTicketCategory();
  const update = useUpdateTicketCategory();
  const [names, setNames] = useState<Record<NameField, string>>({ nameEn: category?.nameEn ?? '', nameNl: category?.nameNl ?? '', nameDe: category?.nameDe ?? '' });
  const [errors, setErrors] = useState<Partial<Record<NameField, AnyFieldError>>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const onSubmit = async () => {
    setFormError(null);
    const local: Partial<Record<NameField, AnyFieldError>> = {};
    for (const field of NAMES) if (names[field].trim() === '') local[field] = { code: 'required' };
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const saved = category ? await update.mutateAsync({ id: category.id, ...names }) : await create.mutateAsync(names);
      notify(category ? t('ticketCategories.saved') : t('ticketCategories.created', { name: saved.name }));
      onClose();
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      if (!appError.fields) setFormError(appError);
    }
  };

  const setName = (field: NameField) => (value: string) => {
    setNames((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  return (
    <Dialog
      title={category ? t('ticketCategories.editTitle') : t('ticketCategories.add')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="category-form" className="button button--primary" disabled={create.isPending || update.isPending}>
            {t('ticketCategories.save')}
          </button>
        </>
      }
    >
      <form
        id="category-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        {NAMES.map((field) => (
          <TextField key={field} label={t(`ticketCategories.fields.${field}`)} required maxLength={100} value={names[field]} onValueChange={setName(field)} error={errors[field]} />
        ))}
      </form>
    </Dialog>
  );
}
