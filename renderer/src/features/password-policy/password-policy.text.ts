import { featureText } from '../../i18n/feature-text';

export const passwordPolicyText = featureText(
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
