import type { portalBrandingApi } from '../../../shared/portal-api/branding';
import type { PortalHandlers } from '../portal-context';
import { companyTimeZone, readActivationSettings } from '../settings/activation-settings';
import { readLetterheadImage } from '../settings/letterhead-logo';
import { readSettings } from '../settings/settings-service';

export const portalBrandingHandlers: PortalHandlers<keyof typeof portalBrandingApi> = {
  'portal-branding:get': async (_input, { deps }) => {
    const [activation, { defaultLanguage }, logo] = await Promise.all([readActivationSettings(deps.db), readSettings(deps.db), readLetterheadImage(deps.db)]);
    const { companyName } = activation;
    return { companyName, defaultLanguage, logo: logo ? { mimeType: logo.mimeType, width: logo.width, height: logo.height } : null, timeZone: companyTimeZone(activation) };
  },
  'portal-branding:logo': async (_input, { deps }) => {
    const logo = await readLetterheadImage(deps.db);
    return logo ? { mimeType: logo.mimeType, dataBase64: logo.data.toString('base64') } : null;
  },
};
