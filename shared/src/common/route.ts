import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { Role } from '../platform/roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, a guest who proved a phone number by SMS, any signed-in person, or
 * holders of one of the roles. The server enforces it from here; the OpenAPI document shows it.
 */
export type RouteAccess = 'public' | 'guest' | 'user' | readonly Role[];

export interface RouteDef<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: M;
  path: P;
  summary: string;
  tag: string;
  access: RouteAccess;
  /** Path parameters; by default a parameter named `id` must be a UUID. */
  params?: z.ZodType;
  query?: Q;
  body?: B;
  res: R;
  /** Error codes this route can answer with, beyond the common ones (validation, auth, rate limit). */
  errors: readonly ErrorCode[];
}

export function route<
  M extends HttpMethod,
  P extends string,
  R extends z.ZodType,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: RouteDef<M, P, Q, B, R>): RouteDef<M, P, Q, B, R> {
  return def;
}

// Distributive over the optional `body`/`query` (B | undefined): undefined contributes never.
type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

export type RouteRes<T extends RouteDef> = z.infer<T['res']>;
export type RouteBody<T extends RouteDef> = Input<T['body']>;
export type RouteQuery<T extends RouteDef> = Input<T['query']>;
/** What a handler receives after validation (defaults applied, values transformed). */
export type ParsedBody<T extends RouteDef> = Output<T['body']>;
export type ParsedQuery<T extends RouteDef> = Output<T['query']>;

/** Path parameters named in a path such as `/api/directory/people/:id`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<`/${Rest}`>]: string }
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<string, never>;

export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
