import express, { Router, type Request, type Response } from 'express';
import { homesOf, roleScopes } from '../app/authorize.js';
import { showCustomer } from '../app/customer-overview.js';
import { listPeople } from '../app/people.js';
import { searchCustomers } from '../app/search-customers.js';
import { isLoopback } from '../server/http-server.js';
import { ApiError, localeOf, refusalOf, sendApiError } from './api-errors.js';
import { answer, parsed, todayOf, withCaller as withCallerOf, type CallerHandler, type RouteDeps } from './routes/route-kit.js';
import { figuresRoutes } from './routes/figures-routes.js';
import { complaintBoard, customerTimeline, overviewForApi, placesOfHome } from './api-views.js';
import { occupancyOf } from './occupancy-view.js';
import { changePlace } from './place-change.js';
import { complaintBoardSchema, complaintsQuerySchema } from './schemas/complaints.js';
import { customerIdSchema, customerOverviewSchema, customerSearchQuerySchema, customerSearchSchema, timelineQuerySchema, timelineSchema } from './schemas/customers.js';
import { localPeopleSchema, meSchema } from './schemas/me.js';
import { occupancySchema } from './schemas/occupancy.js';
import { tabSettingsSchema, type TabSettings } from './schemas/settings.js';
import { placeChangedSchema, placeChangeSchema, placesQuerySchema, placesSchema } from './schemas/places.js';

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
  const today = () => todayOf(ctx);
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

  router.get(
    '/occupancy',
    withCaller(async (_req, res) => {
      const day = today();
      const [homes, counts] = await Promise.all([ctx.store.queries.careHomes(), ctx.store.queries.placeCountsByServiceType(day)]);
      answer(res, occupancySchema, occupancyOf(day, homes, counts));
    }),
  );

  router.get(
    '/places',
    withCaller(async (req, res) => {
      const { careHomeId } = parsed(placesQuerySchema, req.query);
      const view = await placesOfHome(ctx, careHomeId, today());
      if (!view) throw new ApiError('notFound', 'api.notFound');
      answer(res, placesSchema, view);
    }),
  );

  router.patch(
    '/places/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const change = parsed(placeChangeSchema, req.body);
      const outcome = await changePlace(ctx, actor, id, change, locale);
      answer(res, placeChangedSchema, outcome);
    }),
  );

  router.get(
    '/customers',
    withCaller(async (req, res, { actor }, locale) => {
      const query = parsed(customerSearchQuerySchema, req.query);
      const result = await searchCustomers(ctx, actor, { text: query.q, top: query.top, skip: query.skip });
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, customerSearchSchema, { customers: result.value });
    }),
  );

  router.get(
    '/customers/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const result = await showCustomer(ctx, { actor, audience: 'personal' }, { customerId: id });
      if (!result.ok) {
        if (result.reason === 'invalid' && result.errors.some((e) => e.key === 'customerCard.unknown')) throw new ApiError('notFound', 'api.notFound');
        throw refusalOf(result, locale);
      }
      answer(res, customerOverviewSchema, overviewForApi(result.value));
    }),
  );

  router.get(
    '/customers/:id/timeline',
    withCaller(async (req, res, { person }) => {
      const { id } = parsed(customerIdSchema, req.params);
      const { limit } = parsed(timelineQuerySchema, req.query);
      const timeline = await customerTimeline(ctx, person, id, today(), limit);
      if (!timeline) throw new ApiError('notFound', 'api.notFound');
      answer(res, timelineSchema, timeline);
    }),
  );

  router.get(
    '/complaints',
    withCaller(async (req, res, { person }) => {
      const { limit } = parsed(complaintsQuerySchema, req.query);
      answer(res, complaintBoardSchema, await complaintBoard(ctx, person, today(), limit));
    }),
  );

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
