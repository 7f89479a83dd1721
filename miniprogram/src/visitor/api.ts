import { guestRoutes, visitRoutes as r, type RouteBody } from '@dayuan/shared';
import { call } from '@/services/request';

/** The visitor subpackage's only door to the server: one line per route. */
export const visitorApi = {
  invitation: (token: string) => call(r.invitationLink, { params: { token } }),
  sendInvitationCode: (token: string) => call(r.invitationCode, { params: { token } }),
  signInWithInvitation: (token: string, code: string) =>
    call(r.invitationSession, { params: { token }, body: { code } }),
  sendSmsCode: (phone: string) => call(guestRoutes.smsCode, { body: { phone } }),
  signIn: (phone: string, code: string) => call(guestRoutes.session, { body: { phone, code } }),
  myPasses: () => call(r.myPasses),
  completeProfile: (id: string, body: RouteBody<typeof r.completeProfile>) =>
    call(r.completeProfile, { params: { id }, body }),
  passCode: (id: string) => call(r.passCode, { params: { id } }),
  bookingPage: (code: string) => call(r.bookingPage, { params: { code } }),
  request: (code: string, body: RouteBody<typeof r.request>) => call(r.request, { params: { code }, body }),
};
