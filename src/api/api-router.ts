import express, { Router, type Request, type Response } from 'express';
import { homesOf, roleScopes } from '../app/authorize.js';
import { listPeople } from '../app/people.js';
import { isLoopback } from '../server/http-server.js';
import { ApiError, localeOf, sendApiError } from './api-errors.js';
import { answer, withCaller as withCallerOf, type CallerHandler, type RouteDeps } from './routes/route-kit.js';
import { complaintRoutes } from './routes/complaint-routes.js';
import { registerCustomerRoutes } from './routes/customer-routes.js';
import { registerOccupancyRoutes } from './routes/occupancy-routes.js';
import { figuresRoutes } from './routes/figures-routes.js';
import { localPeopleSchema, meSchema } from './schemas/me.js';
import { tabSettingsSchema, type TabSettings } from './schemas/settings.js';

export interface ApiRouterOptions extends RouteDeps {
  /** How the tab signs in (GET /settings). */
  settings: TabSettings;
}

/**
 * The tab's REST API, /api/v1 (issue 13). Each endpoint identifies the caller, then calls the same use cases and
 * narrow queries, under the same authorization (`may`), as the bot; the views it answers are in api-views.ts.
 */
export function apiRouter(options: ApiRouterOptions): Router {
  const { ctx, identification } = options;
  const router = Router();
  // Its own body parser, so a malformed body gets the API's typed error body too.
  router.use(express.json({ limit: '64kb' }));
  const withCaller = (handler: CallerHandler) => withCallerOf(options, handler);

  // Asked before there is any identity: how to get one.
  router.get('/settings', (_req, res) => answer(res, tabSettingsSchema, options.settings));

  router.get(
    '/me',
    withCaller(async (_req, res, { person }) => {
      const homes = await ctx.store.queries.careHomes();
      const order = ['home', 'region', 'company'] as const;
      const scope = person.roles.map((r) => roleScopes[r]).reduce((widest, s) => (order.indexOf(s) > order.indexOf(widest) ? s : widest), 'home' as (typeof order)[number]);
      const mine = homes.filter((h) => homesOf(person).includes(h.id) || (person.region !== undefined && person.roles.includes('aluejohtaja') && h.region === person.region));
      answer(res, meSchema, { ...person, scope, careHomes: mine });
    }),
  );

  // Local mode: the seeded people the picker offers. The route does not exist in tenant mode (404).
  router.get('/local/people', async (req, res) => {
    if (identification.mode !== 'local') throw new ApiError('notFound', 'api.notFound');
    if (!isLoopback(req.socket.remoteAddress)) throw new ApiError('notFound', 'api.notFound');
    const people = await listPeople(ctx);
    answer(res, localPeopleSchema, { people: people.sort((a, b) => a.name.localeCompare(b.name, 'fi')) });
  });

  registerOccupancyRoutes(router, options);

  registerCustomerRoutes(router, options);

  complaintRoutes(router, options);

  figuresRoutes(router, options);

  router.use(() => {
    throw new ApiError('notFound', 'api.notFound');
  });
  router.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: () => void) => {
    const locale = localeOf(req, options.defaultLocale);
    if (error instanceof ApiError) return sendApiError(res, locale, error);
    if (error.type === 'entity.parse.failed') return sendApiError(res, locale, new ApiError('invalid', 'api.malformed'));
    if (error.status && error.status >= 400 && error.status < 500) return sendApiError(res, locale, new ApiError('invalid', 'api.invalid'));
    // An answer its schema refused, or a failure: logged, answered without the details.
    options.logger.error('api request failed', { path: req.path, error: error.stack ?? String(error) });
    sendApiError(res, locale, new ApiError('internal', 'api.internal'));
  });
  return router;
}
