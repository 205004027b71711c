import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { AUDIT_ACTIONS, AUDIT_FIELDS, AUDIT_VIA } from '../../../shared/api/audit';

// The lists come from the core's own types: recordAudit takes only these actions and field names.
describe.each(['en', 'nl', 'de'] as const)('audit log labels in %s', (language) => {
  const i18n = createI18n(language);
  const label = (key: string) => i18n.t(key, { defaultValue: '' });

  it.each(AUDIT_ACTIONS)('action %s has a label', (action) => {
    const text = label(`auditLog.actions.${action}`);
    expect(text).not.toBe('');
    expect(text).not.toBe(action);
  });

  it.each(AUDIT_FIELDS)('field %s has a label', (field) => {
    const text = label(`auditLog.fields.${field}`);
    expect(text).not.toBe('');
  });

  it('every way in is named', () => {
    for (const via of AUDIT_VIA) expect(label(`auditLog.via.${via === 'app' ? 'system' : via}`)).not.toBe('');
  });
});
