import { CLIENT_HEADER, ClientKind, type RoleGrant } from '@dayuan/shared';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Guest } from '../auth/guest-auth.service.js';

/** The signed-in person, as the auth guard found them for this request. */
export interface Principal {
  personId: string;
  sessionId: string;
  name: string;
  departmentId: string | null;
  roles: RoleGrant[];
}

/** Who is asking and from where: what every audit record and every rule needs. */
export interface RequestCtx {
  requestId: string;
  ip: string;
  client: ClientKind;
  principal?: Principal;
  guest?: Guest;
}

export type AuthedCtx = RequestCtx & { principal: Principal };
export type GuestCtx = RequestCtx & { guest: Guest };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    guest?: Guest;
    /** The JSON body as received, for signature checks. */
    rawBody?: string;
  }
}

export function requestCtx(req: FastifyRequest): RequestCtx {
  const client = ClientKind.safeParse(req.headers[CLIENT_HEADER]);
  return {
    requestId: String(req.id),
    ip: req.ip,
    client: client.success ? client.data : 'unknown',
    principal: req.principal,
    guest: req.guest,
  };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestCtx(context.switchToHttp().getRequest<FastifyRequest>()),
);
