import type { Router } from 'express';
import { showCustomerReport, showProcessMeasures } from '../../app/show-figures.js';
import { refusalOf } from '../api-errors.js';
import { customerFiguresQuerySchema, customerFiguresSchema, processFiguresQuerySchema, processFiguresSchema } from '../schemas/figures.js';
import { answer, parsed, todayOf, withCaller, type RouteDeps } from './route-kit.js';

/**
 * The figures page's endpoints (issue 13, Luvut): the customer report (thesis 6.2) and the process measures
 * (seed 002). The use cases decide who sees which homes (readFigures) and compute from aggregate queries; a
 * bad year, region or paging is a 400 naming the field, a role or scope that does not reach a 403.
 */
export function figuresRoutes(router: Router, deps: RouteDeps): void {
  const { ctx } = deps;

  router.get(
    '/figures/customers',
    withCaller(deps, async (req, res, { person }, locale) => {
      const query = parsed(customerFiguresQuerySchema, req.query);
      const result = await showCustomerReport(ctx, person, todayOf(ctx), query);
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, customerFiguresSchema, result.value);
    }),
  );

  router.get(
    '/figures/process',
    withCaller(deps, async (req, res, { person }, locale) => {
      const query = parsed(processFiguresQuerySchema, req.query);
      const result = await showProcessMeasures(ctx, person, todayOf(ctx), query);
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, processFiguresSchema, result.value);
    }),
  );
}
