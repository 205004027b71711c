import type { smsGatewayApi } from '../../../shared/api/sms-gateway';
import { actorOf, type Handlers } from '../context';
import { readStoredSmsGateway, removeSmsGateway, smsGatewayView, updateSmsGateway } from './sms-gateway-settings';

export const smsGatewayHandlers: Handlers<keyof typeof smsGatewayApi> = {
  'sms-gateway:get': async (_input, { deps }) => smsGatewayView(await readStoredSmsGateway(deps.db)),
  'sms-gateway:update': (input, ctx) => updateSmsGateway(ctx.deps, actorOf(ctx), input),
  'sms-gateway:remove': (_input, ctx) => removeSmsGateway(ctx.deps, actorOf(ctx)),
};
