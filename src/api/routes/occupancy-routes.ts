import type { Router } from 'express';
import { showOccupancy } from '../../app/show-occupancy.js';
import { ApiError, refusalOf } from '../api-errors.js';
import { placesOfHome } from '../api-views.js';
import { changePlace } from '../place-change.js';
import { customerIdSchema } from '../schemas/customers.js';
import { occupancyQuerySchema, occupancySchema } from '../schemas/occupancy.js';
import { placeChangedSchema, placeChangeSchema, placesQuerySchema, placesSchema } from '../schemas/places.js';
import { answer, parsed, todayOf, withCaller, type RouteDeps } from './route-kit.js';

/**
 * The Käyttöaste page's endpoints (issue 13): the occupancy board, a home's places, and a place's status change
 * through the bot's own use cases (place-change.ts).
 */
export function registerOccupancyRoutes(router: Router, deps: RouteDeps): void {
  const { ctx } = deps;

  router.get(
    '/occupancy',
    withCaller(deps, async (req, res, { person }, locale) => {
      const query = parsed(occupancyQuerySchema, req.query);
      const result = await showOccupancy(ctx, person, todayOf(ctx), query);
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, occupancySchema, result.value);
    }),
  );

  router.get(
    '/places',
    withCaller(deps, async (req, res, { person }) => {
      const { careHomeId } = parsed(placesQuerySchema, req.query);
      const view = await placesOfHome(ctx, person, careHomeId, todayOf(ctx));
      if (!view) throw new ApiError('notFound', 'api.notFound');
      answer(res, placesSchema, view);
    }),
  );

  router.patch(
    '/places/:id',
    withCaller(deps, async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const change = parsed(placeChangeSchema, req.body);
      answer(res, placeChangedSchema, await changePlace(ctx, actor, id, change, locale));
    }),
  );
}
