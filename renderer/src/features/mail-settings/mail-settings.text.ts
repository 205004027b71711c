import { featureText } from '../../i18n/feature-text';

export const mailSettingsText = featureText(
  {
    title: '',
  },
  {
    nl: {
      title: '',
    },
    de: {
      title: '',
    },
  },
);
