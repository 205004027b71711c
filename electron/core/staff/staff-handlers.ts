import type { staffApi } from '../../../shared/api/staff';
import type { sessionApi } from '../../../shared/api/session';
import { actorOf, signedInStaff, type Handlers } from '../context';
import { endSession, startSession } from '../auth/session';
import { signIn } from './staff-sign-in';
import { readSettings } from '../settings/settings-service';
import { countStaff, listStaff, rowToStaffMember } from './staff-repository';
import { createStaffMember, getStaffMember, setStaffLanguage, updateStaffMember } from './staff-service';

export const sessionHandlers: Handlers<keyof typeof sessionApi> = {
  'setup:status': async (_input, { deps }) => ({
    needsAdministrator: (await countStaff(deps.db)) === 0,
    defaultLanguage: (await readSettings(deps.db)).defaultLanguage,
  }),
  'setup:create-administrator': async (input, { deps, session }) => {
    const admin = await createStaffMember(deps, null, { ...input, role: 'administrator', mayGrantAccess: true });
    startSession(session, { id: admin.id, security_stamp: 0 }, deps.clock());
    return admin;
  },
  'session:sign-in': async (input, { deps, session }) => {
    endSession(session);
    const row = await signIn(deps, input.email, input.password);
    startSession(session, row, deps.clock());
    return rowToStaffMember(row);
  },
  'session:sign-out': async (_input, { session }) => {
    endSession(session);
    return null;
  },
  'session:current': async (_input, ctx) => {
    const staff = signedInStaff(ctx);
    return staff ? getStaffMember(ctx.deps, staff.id) : null;
  },
};

export const staffHandlers: Handlers<keyof typeof staffApi> = {
  'staff:list': async (input, { deps }) => {
    const { rows, total } = await listStaff(deps.db, input);
    return { rows: rows.map(rowToStaffMember), total };
  },
  'staff:get': (input, { deps }) => getStaffMember(deps, input.id),
  'staff:create': (input, ctx) => createStaffMember(ctx.deps, actorOf(ctx), input),
  'staff:update': async (input, ctx) => {
    const { member, securityStamp } = await updateStaffMember(ctx.deps, actorOf(ctx), input);
    // The change ends the user's other sessions; the administrator editing themselves stays signed in here.
    if (ctx.session.staffId === member.id) ctx.session.stamp = securityStamp;
    return member;
  },
  'staff:set-my-language': (input, ctx) => setStaffLanguage(ctx.deps, actorOf(ctx), input.language),
};
