import { useTranslation } from 'react-i18next';
import type { PasswordPolicy } from '../../../shared/api/password-policy';
import { evaluatePassword, type PasswordContext, type PasswordProblem } from '../../../shared/password-policy';
import { usePasswordPolicy } from '../features/password-policy/password-policy-queries';

interface PasswordFeedbackProps {
  password: string;
  context: PasswordContext;
  /** A policy being edited (not saved yet); otherwise the stored one. */
  policy?: PasswordPolicy | undefined;
}

type Rule = { code: PasswordProblem['code']; text: string };

/**
 * Live feedback while typing a password: every rule of the policy, met or not, from
 * the same evaluation the core enforces (shared/password-policy.ts).
 */
export function PasswordFeedback({ password, context, policy }: PasswordFeedbackProps) {
  const { t } = useTranslation();
  const stored = usePasswordPolicy({ enabled: policy === undefined });
  const active = policy ?? stored.data;
  if (!active) return null;
  const problems = new Set(evaluatePassword(password, active, context).map((p) => p.code));
  const rules: Rule[] = [
    { code: 'too_short', text: t('passwordPolicy.rules.minLength', { min: active.minLength }) },
    { code: 'too_long', text: t('passwordPolicy.rules.maxLength', { max: active.maxLength }) },
    ...(active.requireUpper ? [{ code: 'needs_upper' as const, text: t('passwordPolicy.rules.upper') }] : []),
    ...(active.requireLower ? [{ code: 'needs_lower' as const, text: t('passwordPolicy.rules.lower') }] : []),
    ...(active.requireDigit ? [{ code: 'needs_digit' as const, text: t('passwordPolicy.rules.digit') }] : []),
    ...(active.requireSymbol ? [{ code: 'needs_symbol' as const, text: t('passwordPolicy.rules.symbol') }] : []),
    ...(active.blockCommon ? [{ code: 'common' as const, text: t('passwordPolicy.rules.common') }] : []),
    ...(active.blockContext ? [{ code: 'contains_context' as const, text: t('passwordPolicy.rules.context') }] : []),
  ];
  const unmet = rules.filter((r) => problems.has(r.code)).length;
  return (
    <div className="password-feedback">
      <p className="password-feedback__summary" aria-live="polite">
        {unmet === 0 ? t('passwordPolicy.meetsPolicy') : t('passwordPolicy.unmet', { count: unmet })}
      </p>
      <ul className="password-feedback__rules">
        {rules.map((rule) => {
          const met = !problems.has(rule.code);
          return (
            <li key={rule.code} className={met ? 'rule rule--met' : 'rule rule--unmet'}>
              <span aria-hidden="true">{met ? '✓' : '✗'}</span> {rule.text}
              <span className="visually-hidden"> ({met ? t('passwordPolicy.met') : t('passwordPolicy.notMet')})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
