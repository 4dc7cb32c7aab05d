import type { Router } from 'express';
import { findCareHomes } from '../../app/search-care-homes.js';
import { summarizeComplaints } from '../../app/summarize-complaints.js';
import { ApiError, refusalOf } from '../api-errors.js';
import { complaintBoard, complaintDetail } from '../complaint-views.js';
import {
  careHomeChoicesSchema,
  careHomeSearchQuerySchema,
  complaintBoardSchema,
  complaintDetailSchema,
  complaintIdSchema,
  complaintsQuerySchema,
  complaintSummaryQuerySchema,
  complaintSummarySchema,
} from '../schemas/complaints.js';
import { answer, parsed, todayOf, withCaller, type RouteDeps } from './route-kit.js';

/**
 * The complaints page's endpoints (issue 13): the board (bounded per column, filtered by status, home and
 * severity) and its home filter's choices, one complaint with its handling, and the quality manager's per-home summary. Reading complaints needs
 * what every read needs; their free text and the summary follow readConfidential (src/app/authorize.ts).
 */
export function complaintRoutes(router: Router, deps: RouteDeps): void {
  const { ctx } = deps;

  router.get(
    '/complaints',
    withCaller(deps, async (req, res, { person }) => {
      const query = parsed(complaintsQuerySchema, req.query);
      answer(res, complaintBoardSchema, await complaintBoard(ctx, person, todayOf(ctx), query));
    }),
  );

  router.get(
    '/care-homes',
    withCaller(deps, async (req, res, { actor }, locale) => {
      const { q, top, skip } = parsed(careHomeSearchQuerySchema, req.query);
      const result = await findCareHomes(ctx, actor, { text: q, top, skip });
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, careHomeChoicesSchema, { careHomes: result.value.homes.map((h) => ({ id: h.id, name: h.name, region: h.region, city: h.city })), total: result.value.total });
    }),
  );

  // Before /complaints/:id, so "summary" is not taken for an id (which would be a 400).
  router.get(
    '/complaints/summary',
    withCaller(deps, async (req, res, { person }, locale) => {
      const query = parsed(complaintSummaryQuerySchema, req.query);
      const result = await summarizeComplaints(ctx, person, { today: todayOf(ctx), ...query });
      if (!result.ok) throw refusalOf(result, locale);
      answer(res, complaintSummarySchema, result.value);
    }),
  );

  router.get(
    '/complaints/:id',
    withCaller(deps, async (req, res, { actor }) => {
      const { id } = parsed(complaintIdSchema, req.params);
      const detail = await complaintDetail(ctx, actor, id, todayOf(ctx));
      if (!detail) throw new ApiError('notFound', 'api.notFound');
      answer(res, complaintDetailSchema, detail);
    }),
  );
}
