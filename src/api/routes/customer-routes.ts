import type { Router } from 'express';
import type { z } from 'zod';
import { showCustomer } from '../../app/customer-overview.js';
import { editAgreement } from '../../app/edit-agreement.js';
import { editEntry, tabEditableKinds, type TabEditableKind } from '../../app/edit-entry.js';
import { entryToChange } from '../../app/my-entries.js';
import { recordAgreement } from '../../app/record-agreement.js';
import type { UseCaseResult } from '../../app/result.js';
import { addContact, changeContact } from '../../app/save-contact.js';
import { removeEncounter, saveCustomerPlan, saveEncounter } from '../../app/save-customer-plan.js';
import { searchCustomers } from '../../app/search-customers.js';
import { showCustomerPlan } from '../../app/show-customer-plan.js';
import { updateCustomer } from '../../app/update-customer.js';
import { withdrawEntry } from '../../app/withdraw-entry.js';
import { formatDateTime, isMessageKey, t, type Locale } from '../../i18n/messages.js';
import { ApiError, refusalOf } from '../api-errors.js';
import { customerTimeline, overviewForApi } from '../api-views.js';
import {
  agreementCreateSchema,
  agreementPatchSchema,
  agreementPathSchema,
  agreementSavedSchema,
  contactCreateSchema,
  contactPatchSchema,
  contactPathSchema,
  contactSavedSchema,
  customerPatchedSchema,
  customerPatchSchema,
  customerPlanViewSchema,
  encounterBodySchema,
  encounterPathSchema,
  encounterRemoveSchema,
  entryEditedSchema,
  entryPatchSchema,
  entryToEditSchema,
  entryPathSchema,
  entryWithdrawnSchema,
  entryWithdrawSchema,
  planPathSchema,
  planTextsSchema,
} from '../schemas/customer-edits.js';
import { customerIdSchema, customerOverviewSchema, customerSearchQuerySchema, customerSearchSchema, timelineQuerySchema, timelineSchema } from '../schemas/customers.js';
import type { Caller } from '../caller.js';
import { answer, parsed, todayOf, withCaller as withCallerOf, type CallerHandler, type RouteDeps } from './route-kit.js';

type Refused = Exclude<UseCaseResult<unknown>, { ok: true }>;

const unknownRecordKeys = ['customerCard.unknown', 'customer.contactUnknown', 'customer.agreementUnknown'];

/**
 * A use case's refusal as the API's, for the customer page: a region named in an out-of-scope refusal in the
 * reader's words, an entry gone or withdrawn as 404, and an entry someone changed first named as `omat` names
 * it ("X muutti tätä ensin") rather than as a place.
 */
function refused(result: Refused, locale: Locale): ApiError {
  if (result.reason === 'forbidden' && result.params?.where && isMessageKey(`region.${result.params.where}`)) {
    return refusalOf({ ...result, params: { ...result.params, where: t(locale, `region.${result.params.where}`) } }, locale);
  }
  if (result.reason === 'invalid') {
    // An unknown customer, contact or agreement in the path is not a field the page can correct: 404.
    const unknown = result.errors.find((e) => unknownRecordKeys.includes(e.key));
    if (unknown) return new ApiError('notFound', unknown.key === 'customerCard.unknown' ? 'api.notFound' : unknown.key);
  }
  if (result.reason === 'conflict' && result.message === 'mine.gone') return new ApiError('notFound', 'mine.gone');
  if (result.reason === 'conflict' && result.message === 'mine.changedFirst') {
    const first = result.changedFirst;
    return first
      ? new ApiError('conflict', 'mine.changedFirst', { name: first.by, when: formatDateTime(locale, first.at) }, undefined, { by: first.by, at: first.at, label: '', status: '' })
      : new ApiError('conflict', 'mine.changedFirstSomeone');
  }
  return refusalOf(result, locale);
}

/** A visit, event, meeting, complaint or place is corrected on its own form in the bot (`omat`); here it can be withdrawn. */
function notEditable(): ApiError {
  return new ApiError('invalid', 'mine.notEditable', {}, [{ field: 'kind', key: 'mine.notEditable' }]);
}

/** The value of a use case that succeeded, or its refusal thrown for the router's error handler. */
function valueOf<T>(result: UseCaseResult<T>, locale: Locale): T {
  if (!result.ok) throw refused(result, locale);
  return result.value;
}

/**
 * The customer page's API (issue 13): search, the customer 360 (overview, timeline, plan) and its changes —
 * segment and phase, contacts, agreements, the plan and annual clock, and one's own entries corrected or
 * withdrawn. Every change goes through the use case the bot uses, or a small one beside them in src/app.
 */
export function registerCustomerRoutes(router: Router, deps: RouteDeps): void {
  const { ctx } = deps;
  const withCaller = (handler: CallerHandler) => withCallerOf(deps, handler);

  router.get(
    '/customers',
    withCaller(async (req, res, { actor }, locale) => {
      const query = parsed(customerSearchQuerySchema, req.query);
      const customers = valueOf(await searchCustomers(ctx, actor, { text: query.q, top: query.top, skip: query.skip }), locale);
      answer(res, customerSearchSchema, { customers });
    }),
  );

  router.get(
    '/customers/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      answer(res, customerOverviewSchema, overviewForApi(valueOf(await showCustomer(ctx, { actor, audience: 'personal' }, { customerId: id }), locale)));
    }),
  );

  router.patch(
    '/customers/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const body = parsed(customerPatchSchema, req.body);
      answer(res, customerPatchedSchema, { customer: valueOf(await updateCustomer(ctx, actor, id, body), locale) });
    }),
  );

  router.get(
    '/customers/:id/timeline',
    withCaller(async (req, res, { person }) => {
      const { id } = parsed(customerIdSchema, req.params);
      const { limit } = parsed(timelineQuerySchema, req.query);
      const timeline = await customerTimeline(ctx, person, id, todayOf(ctx), limit);
      if (!timeline) throw new ApiError('notFound', 'api.notFound');
      answer(res, timelineSchema, timeline);
    }),
  );

  router.post(
    '/customers/:id/contacts',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const body = parsed(contactCreateSchema, req.body);
      answer(res, contactSavedSchema, { contact: valueOf(await addContact(ctx, actor, id, body), locale) }, 201);
    }),
  );

  router.patch(
    '/customers/:id/contacts/:contactId',
    withCaller(async (req, res, { actor }, locale) => {
      const { id, contactId } = parsed(contactPathSchema, req.params);
      const body = parsed(contactPatchSchema, req.body);
      answer(res, contactSavedSchema, { contact: valueOf(await changeContact(ctx, actor, id, contactId, body), locale) });
    }),
  );

  router.post(
    '/customers/:id/agreements',
    withCaller(async (req, res, { actor }, locale) => {
      const { id } = parsed(customerIdSchema, req.params);
      const body = parsed(agreementCreateSchema, req.body);
      const saved = valueOf(await recordAgreement(ctx, actor, { ...body, customerId: id }), locale);
      answer(res, agreementSavedSchema, { agreement: saved.agreement }, 201);
    }),
  );

  router.patch(
    '/customers/:id/agreements/:agreementId',
    withCaller(async (req, res, { actor }, locale) => {
      const { id, agreementId } = parsed(agreementPathSchema, req.params);
      const body = parsed(agreementPatchSchema, req.body);
      answer(res, agreementSavedSchema, { agreement: valueOf(await editAgreement(ctx, actor, id, agreementId, body), locale) });
    }),
  );

  // The plan and annual clock of a year: every answer is the plan as it is now, for the strip to redraw.
  const planView = async (caller: Caller, id: string, year: number, locale: Locale) => valueOf(await showCustomerPlan(ctx, { actor: caller.actor, audience: 'personal' }, { customerId: id, year }), locale);

  router.get(
    '/customers/:id/plan/:year',
    withCaller(async (req, res, caller, locale) => {
      const { id, year } = parsed(planPathSchema, req.params);
      answer(res, customerPlanViewSchema, await planView(caller, id, year, locale));
    }),
  );

  router.put(
    '/customers/:id/plan/:year',
    withCaller(async (req, res, caller, locale) => {
      const { id, year } = parsed(planPathSchema, req.params);
      const body = parsed(planTextsSchema, req.body);
      valueOf(await saveCustomerPlan(ctx, caller.actor, { ...body, customerId: id, year }), locale);
      answer(res, customerPlanViewSchema, await planView(caller, id, year, locale));
    }),
  );

  router.put(
    '/customers/:id/plan/:year/encounters/:encounterId',
    withCaller(async (req, res, caller, locale) => {
      const { id, year, encounterId } = parsed(encounterPathSchema, req.params);
      const body = parsed(encounterBodySchema, req.body);
      valueOf(await saveEncounter(ctx, caller.actor, { ...body, customerId: id, year, encounterId }), locale);
      answer(res, customerPlanViewSchema, await planView(caller, id, year, locale));
    }),
  );

  router.delete(
    '/customers/:id/plan/:year/encounters/:encounterId',
    withCaller(async (req, res, caller, locale) => {
      const { id, year, encounterId } = parsed(encounterPathSchema, req.params);
      const body = parsed(encounterRemoveSchema, req.body);
      valueOf(await removeEncounter(ctx, caller.actor, { ...body, customerId: id, year, encounterId }), locale);
      answer(res, customerPlanViewSchema, await planView(caller, id, year, locale));
    }),
  );

  router.get(
    '/entries/:kind/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { kind, id } = parsed(entryPathSchema, req.params);
      if (!(tabEditableKinds as readonly string[]).includes(kind)) throw notEditable();
      const { record } = valueOf(await entryToChange(ctx, actor, kind as TabEditableKind, id), locale);
      answer(res, entryToEditSchema, { kind, record } as z.input<typeof entryToEditSchema>);
    }),
  );

  router.patch(
    '/entries/:kind/:id',
    withCaller(async (req, res, { actor }, locale) => {
      const { kind, id } = parsed(entryPathSchema, req.params);
      if (!(tabEditableKinds as readonly string[]).includes(kind)) throw notEditable();
      const body = parsed(entryPatchSchema, req.body);
      answer(res, entryEditedSchema, valueOf(await editEntry(ctx, actor, kind as TabEditableKind, id, body), locale));
    }),
  );

  router.post(
    '/entries/:kind/:id/withdraw',
    withCaller(async (req, res, { actor }, locale) => {
      const { kind, id } = parsed(entryPathSchema, req.params);
      const body = parsed(entryWithdrawSchema, req.body);
      const result = await withdrawEntry(ctx, actor, { kind, recordId: id, ...body });
      const value = valueOf(result, locale);
      answer(res, entryWithdrawnSchema, { ...value, duplicate: result.ok && result.duplicate });
    }),
  );
}
