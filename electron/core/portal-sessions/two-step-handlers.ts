import type { portalTwoStepApi } from '../../../shared/portal-api/two-step';
import { portalAccountOf, type PortalHandlers } from '../portal-context';
import { confirmTwoStep, renewRecoveryCodes, startSmsSetup, startTotpSetup, turnOffTwoStep, twoStepStatus } from './two-step-setup';
import { resendSmsCode, twoStepChallenge, verifyTwoStep } from './two-step-verify';

export const portalTwoStepHandlers: PortalHandlers<keyof typeof portalTwoStepApi> = {
  'portal-session:two-step-challenge': (_input, { deps, session }) => twoStepChallenge(deps, session),
  'portal-session:verify-two-step': (input, { deps, session }) => verifyTwoStep(deps, session, input.code),
  'portal-session:send-sms-code': (_input, { deps, session }) => resendSmsCode(deps, session),
  'portal-two-step:status': (_input, ctx) => twoStepStatus(ctx.deps, ctx.session, portalAccountOf(ctx)),
  'portal-two-step:start-totp': (_input, ctx) => startTotpSetup(ctx.deps, ctx.session, portalAccountOf(ctx)),
  'portal-two-step:start-sms': (_input, ctx) => startSmsSetup(ctx.deps, ctx.session, portalAccountOf(ctx)),
  'portal-two-step:confirm': (input, ctx) => confirmTwoStep(ctx.deps, ctx.session, portalAccountOf(ctx), input.method, input.code),
  'portal-two-step:disable': (input, ctx) => turnOffTwoStep(ctx.deps, ctx.session, portalAccountOf(ctx), input.password),
  'portal-two-step:new-recovery-codes': (input, ctx) => renewRecoveryCodes(ctx.deps, portalAccountOf(ctx), input.password),
};
