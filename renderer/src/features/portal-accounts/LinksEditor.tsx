import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { OrganisationPicker } from '../organisations/OrganisationPicker';
import { personName } from '../persons/person-queries';
import { newLink, removeLink, setDefaultLink, type LinkValue } from './account-form-values';

/** The persons of one organisation, for the optional person of a link. */
function usePersonsOf(organisationId: number | null) {
  return useQuery({
    queryKey: ['persons', 'list', { organisationId, limit: 500, sort: 'lastName' }],
    queryFn: () => call('persons:list', { organisationId: organisationId ?? 0, limit: 500, sort: 'lastName' }),
    enabled: organisationId !== null,
  });
}

function LinkRow({ link, links, disabled, onChange }: { link: LinkValue; links: LinkValue[]; disabled: boolean; onChange: (links: LinkValue[]) => void }) {
  const { t } = useTranslation();
  const persons = usePersonsOf(link.organisation?.id ?? null);
  const update = (patch: Partial<LinkValue>) => onChange(links.map((l) => (l.key === link.key ? { ...l, ...patch } : l)));
  return (
    <li className="link-row">
      <OrganisationPicker
        label={t('portalAccounts.chooseOrganisation')}
        value={link.organisation}
        onChange={(organisation) => update({ organisation, personId: null })}
      />
      <div className="field">
        <label htmlFor={`link-person-${link.key}`}>{t('portalAccounts.linkPerson')}</label>
        <select
          id={`link-person-${link.key}`}
          value={link.personId ?? ''}
          disabled={disabled || !link.organisation}
          onChange={(e) => update({ personId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('portalAccounts.anyPerson')}</option>
          {(persons.data?.rows ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {personName(p)}
              {p.email ? ` <${p.email}>` : ''}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox link-row__default">
        <input type="radio" name="default-link" checked={link.isDefault} disabled={disabled} onChange={() => onChange(setDefaultLink(links, link.key))} />
        {t('portalAccounts.defaultLink')}
      </label>
      {links.length > 1 && !disabled ? (
        <button
          type="button"
          className="button button--ghost link-row__remove"
          title={t('portalAccounts.removeLink', { name: link.organisation?.name ?? '' })}
          onClick={() => onChange(removeLink(links, link.key))}
        >
          <span className="button__label">{t('portalAccounts.removeLink', { name: link.organisation?.name ?? '' })}</span>
        </button>
      ) : null}
    </li>
  );
}

/** Organisation links: one or more, each with an optional person of that organisation, exactly one default. */
export function LinksEditor({ links, onChange, error, disabled }: { links: LinkValue[]; onChange: (links: LinkValue[]) => void; error?: AnyFieldError | undefined; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset" disabled={disabled} aria-invalid={error ? true : undefined}>
      <legend>{t('portalAccounts.links')}</legend>
      <p className="field-hint">{t('portalAccounts.linksHint')}</p>
      <ul className="account-links">
        {links.map((link) => (
          <LinkRow key={link.key} link={link} links={links} disabled={disabled} onChange={onChange} />
        ))}
      </ul>
      {error ? <p className="field-error">{fieldErrorMessage(t, error)}</p> : null}
      {disabled ? null : (
        <button type="button" className="button" onClick={() => onChange([...links, newLink(null, null, links.length === 0)])}>
          {t('portalAccounts.addLink')}
        </button>
      )}
    </fieldset>
  );
}
