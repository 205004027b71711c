import type { PasswordPolicy } from '../../../shared/api/password-policy';
import { evaluatePassword, type PasswordContext, type PasswordProblem } from '../../../shared/password-policy';

/*
 * Live feedback on the portal's password forms, from the very evaluation the core enforces
 * (shared/password-policy.ts), bundled for the browser when the portal starts (portal-scripts.ts).
 * The server renders every rule, translated, and checks the password itself on submit: this
 * only marks the rules met or not while the customer types, so the page works without it.
 */

/** What the form carries in data-password-feedback: the policy and the words a password may not contain. */
interface FeedbackConfig {
  policy: PasswordPolicy;
  context: PasswordContext;
}

function readConfig(form: HTMLFormElement): FeedbackConfig | null {
  try {
    return JSON.parse(form.dataset.passwordFeedback ?? '') as FeedbackConfig;
  } catch {
    return null;
  }
}

function wire(form: HTMLFormElement): void {
  const config = readConfig(form);
  const input = form.querySelector<HTMLInputElement>('input[data-new-password]');
  const repeat = form.querySelector<HTMLInputElement>('input[data-repeat-password]');
  const rules = form.querySelector<HTMLElement>('[data-password-rules]');
  const summary = form.querySelector<HTMLElement>('[data-password-summary]');
  const repeatStatus = form.querySelector<HTMLElement>('[data-repeat-status]');
  if (!config || !input || !rules || !summary) return;
  const texts = rules.dataset;
  const update = () => {
    const problems = new Set<PasswordProblem['code']>(evaluatePassword(input.value, config.policy, config.context).map((p) => p.code));
    let unmet = 0;
    for (const item of rules.querySelectorAll<HTMLElement>('[data-rule]')) {
      const met = !problems.has(item.dataset.rule as PasswordProblem['code']);
      if (!met) unmet += 1;
      item.classList.remove('rule--unknown');
      item.classList.toggle('rule--met', met);
      item.classList.toggle('rule--unmet', !met);
      const mark = item.querySelector('.rule-mark');
      const state = item.querySelector('.rule-state');
      if (mark) mark.textContent = met ? '✓' : '✗';
      if (state) state.textContent = ` (${(met ? texts.met : texts.notMet) ?? ''})`;
    }
    summary.textContent = input.value === '' ? '' : unmet === 0 ? (texts.meets ?? '') : (texts.unmet ?? '').replace('{count}', String(unmet));
    if (repeat && repeatStatus) repeatStatus.textContent = repeat.value !== '' && repeat.value !== input.value ? (texts.mismatch ?? '') : '';
  };
  input.addEventListener('input', update);
  repeat?.addEventListener('input', update);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-password-feedback]')) wire(form);
