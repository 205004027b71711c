import type { accessReviewApi } from '../../../shared/api/access-review';
import type { Handlers } from '../context';
import { accessReview, accessReviewCsvFile, accessReviewPdfFile, accessReviewXlsxFile } from './access-review-service';

export const accessReviewHandlers: Handlers<keyof typeof accessReviewApi> = {
  'reports:access': (input, { deps }) => accessReview(deps, input),
  'reports:access-csv': (input, { deps }) => accessReviewCsvFile(deps, input),
  'reports:access-xlsx': (input, { deps }) => accessReviewXlsxFile(deps, input),
  'reports:access-pdf': (input, { deps }) => accessReviewPdfFile(deps, input),
};
