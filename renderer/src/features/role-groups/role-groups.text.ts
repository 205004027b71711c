import { featureText } from '../../i18n/feature-text';

export const roleGroupsText = featureText(
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
