import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { may } from '../../app/authorize.js';
import { localDate } from '../../domain/dates.js';
import { fieldErrorsFrom } from '../../domain/validation.js';
import type { Locale } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { invalidRequest, localeOf, refusalOf } from '../api-errors.js';
import { callerOf, type Caller, type Identification } from '../caller.js';

/** What every area's routes get from the API router. */
export interface RouteDeps {
  ctx: AppContext;
  identification: Identification;
  defaultLocale: Locale;
  logger: Logger;
}

/** A request part through its schema, or the 400 naming each bad field. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(fieldErrorsFrom(result.error));
  return result.data;
}

/** An answer through its schema: what leaves the server is what the schema says (extra fields are dropped). */
export function answer<S extends z.ZodType>(res: Response, schema: S, value: z.input<S>, status = 200): void {
  res.status(status).json(schema.parse(value));
}

/** Today in Finland, by the app's clock. */
export function todayOf(ctx: AppContext): string {
  return localDate(ctx.clock.now());
}

export type CallerHandler = (req: Request, res: Response, caller: Caller, locale: Locale) => Promise<void>;

/** A handler for an identified caller who may read HoivaCRM at all (401 / 403 otherwise), in the caller's language. */
export function withCaller(deps: RouteDeps, handler: CallerHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    const locale = localeOf(req, deps.defaultLocale);
    const caller = await callerOf(deps.ctx, deps.identification, req);
    const read = may(caller.person, 'read');
    if (!read.ok) throw refusalOf({ ok: false, reason: 'forbidden', message: read.message, roles: read.roles }, locale);
    await handler(req, res, caller, locale);
  };
}
