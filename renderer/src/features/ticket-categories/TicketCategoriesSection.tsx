import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketCategory } from '../../../../shared/api/tickets';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { isUiLanguage } from '../../i18n/i18n';
import { CategoryDialog } from './CategoryDialog';
import { useArchiveTicketCategory, useTicketCategories } from './ticket-category-queries';

/** Settings → ticket categories (administrators): the list with every language's name, add, edit, archive. */
export function TicketCategoriesSection() {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const categories = useTicketCategories({ language: isUiLanguage(i18n.language) ? i18n.language : 'en', includeArchived: showArchived });
  const archive = useArchiveTicketCategory();
  const [editing, setEditing] = useState<TicketCategory | 'new' | null>(null);
  const [archiving, setArchiving] = useState<TicketCategory | null>(null);
  const rows = categories.data ?? [];

  const onArchive = async () => {
    if (!archiving) return;
    try {
      await archive.mutateAsync({ id: archiving.id });
      notify(t('ticketCategories.archived'));
    } catch {
      // Shown above the table.
    } finally {
      setArchiving(null);
    }
  };

  return (
    <section className="form settings-section" aria-labelledby="ticket-categories">
      <header className="panel__header">
        <h2 id="ticket-categories">{t('ticketCategories.title')}</h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('ticketCategories.add')}
        </button>
      </header>
      <p className="muted">{t('ticketCategories.intro')}</p>
      <CheckboxField label={t('ticketCategories.showArchived')} checked={showArchived} onCheckedChange={setShowArchived} />
      <ErrorAlert error={categories.error ?? archive.error} />
      {categories.isSuccess && rows.length === 0 ? <p className="muted">{t('ticketCategories.empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="table table--compact">
          <caption className="visually-hidden">{t('ticketCategories.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ticketCategories.columns.nameEn')}</th>
              <th scope="col">{t('ticketCategories.columns.nameNl')}</th>
              <th scope="col">{t('ticketCategories.columns.nameDe')}</th>
              <th scope="col">{t('ticketCategories.columns.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ticketCategories.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((category) => (
              <tr key={category.id}>
                <td>{category.nameEn}</td>
                <td>{category.nameNl}</td>
                <td>{category.nameDe}</td>
                <td>{category.archived ? <span className="badge badge--off">{t('ticketCategories.archivedBadge')}</span> : null}</td>
                <td className="cell-actions">
                  <div className="row-actions">
                    <button type="button" className="button" aria-label={t('ticketCategories.editLabel', { name: category.name })} onClick={() => setEditing(category)}>
                      {t('ticketCategories.edit')}
                    </button>
                    {category.archived ? null : (
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={t('ticketCategories.archiveLabel', { name: category.name })}
                        onClick={() => {
                          archive.reset();
                          setArchiving(category);
                        }}
                      >
                        {t('ticketCategories.archive')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <CategoryDialog category={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {archiving ? (
        <ConfirmDialog
          title={t('ticketCategories.archiveTitle')}
          message={t('ticketCategories.archiveText', { name: archiving.name })}
          confirmLabel={t('ticketCategories.archiveTitle')}
          busy={archive.isPending}
          onConfirm={() => void onArchive()}
          onCancel={() => setArchiving(null)}
        />
      ) : null}
    </section>
  );
}
