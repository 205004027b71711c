import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES, logoTypeOf, type LetterheadLogo } from '../../../../shared/api/activation-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { asAppError, fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { useRemoveLetterheadLogo, useSetLetterheadLogo } from './mail-settings-queries';

/** Base64 of a file's bytes, in slices so a 512 KB logo does not overflow the argument list. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The letterhead logo: a preview of the stored one, and for administrators a file chooser
 * (saved at once, apart from the form's Save) and "Remove logo". The file's first bytes
 * decide whether it is a PNG or a JPEG; the core checks it again, down to its pixels.
 */
export function LetterheadLogoField({ logo, editable }: { logo: LetterheadLogo | null; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const setLogo = useSetLetterheadLogo();
  const removeLogo = useRemoveLetterheadLogo();
  const [fieldError, setFieldError] = useState<AnyFieldError | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const busy = setLogo.isPending || removeLogo.isPending;

  const failed = (thrown: unknown) => {
    const error = asAppError(thrown);
    const own = error.fields?.dataBase64 ?? error.fields?.mimeType;
    setFieldError(own ?? null);
    setFailure(own ? null : error);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setFieldError(null);
    setFailure(null);
    try {
      const bytes = file.size > LOGO_MAX_BYTES ? null : new Uint8Array(await file.arrayBuffer());
      const mimeType = bytes ? logoTypeOf(bytes) : null;
      if (!bytes) setFieldError({ code: 'file_too_large', max: LOGO_MAX_BYTES / 1024 });
      else if (!mimeType) setFieldError({ code: 'unsupported_image' });
      else {
        await setLogo.mutateAsync({ mimeType, dataBase64: toBase64(bytes) });
        notify(t('mailSettings.activation.logoSaved'));
      }
    } catch (thrown) {
      failed(thrown);
    } finally {
      // The same file chosen again (after fixing nothing) should still be tried again.
      input.value = '';
    }
  };

  const onRemove = async () => {
    setFieldError(null);
    setFailure(null);
    try {
      await removeLogo.mutateAsync({});
      notify(t('mailSettings.activation.logoRemoved'));
    } catch (thrown) {
      failed(thrown);
    }
  };

  const size = logo ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(logo.bytes / 1024) : '';
  const describedBy = [`${ids}-hint`, fieldError ? `${ids}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${fieldError ? ' field--invalid' : ''}`} role="group" aria-labelledby={`${ids}-title`}>
      <span className="field-label" id={`${ids}-title`}>
        {t('mailSettings.activation.logo')}
      </span>
      {logo ? (
        <figure className="letterhead-logo">
          <img src={logo.dataUrl} alt={t('mailSettings.activation.logoPreview')} />
          <figcaption className="muted">
            {t('mailSettings.activation.logoDetails', { type: logo.mimeType === 'image/png' ? 'PNG' : 'JPEG', width: logo.width, height: logo.height, size })}
          </figcaption>
        </figure>
      ) : (
        <p className="muted">{t('mailSettings.activation.logoNone')}</p>
      )}
      {editable ? (
        <div className="letterhead-logo__actions">
          <label htmlFor={`${ids}-file`}>{t('mailSettings.activation.logoChoose')}</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept="image/png,image/jpeg"
            onChange={onFile}
            disabled={busy}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
          />
          {logo ? (
            <button type="button" className="button button--danger button--small" onClick={onRemove} disabled={busy}>
              {t('mailSettings.activation.logoRemove')}
            </button>
          ) : null}
        </div>
      ) : null}
      {setLogo.isPending ? <p className="muted" role="status">{t('mailSettings.activation.logoUploading')}</p> : null}
      <p className="field-hint" id={`${ids}-hint`}>
        {t('mailSettings.activation.logoHint')}
      </p>
      {fieldError ? (
        <p className="field-error" id={`${ids}-error`}>
          {fieldErrorMessage(t, fieldError)}
        </p>
      ) : null}
      <ErrorAlert error={failure} />
    </div>
  );
}
