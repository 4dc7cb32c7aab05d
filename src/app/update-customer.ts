import { z } from 'zod';
import { customerSchema, customerSegments, lifecyclePhases, type Customer } from '../domain/records/customer.js';
import type { ActorRef } from '../domain/records/common.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/**
 * The customer's segment (how it buys, thesis 6.4.2) and lifecycle phase (thesis 4.2), changed on the tab's
 * customer page (issue 13). The page names the version it showed; a customer someone else changed meanwhile
 * is not overwritten (conflict). The store's audit trail keeps who changed it, when, before and after.
 */
export const updateCustomerCommand = z
  .object({
    expectedVersion: z.number().int().positive(),
    segment: z.enum(customerSegments).optional(),
    lifecyclePhase: z.enum(lifecyclePhases).optional(),
  })
  .refine((c) => c.segment !== undefined || c.lifecyclePhase !== undefined, { message: 'validation.required', path: ['segment'] });

export async function updateCustomer(ctx: AppContext, actor: ActorRef, customerId: string, input: unknown): Promise<UseCaseResult<Customer>> {
  const parsed = updateCustomerCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const stored = await ctx.store.records.get('customer', customerId);
  if (!stored) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  const decision = await authorize(ctx, actor, 'editCustomer', { region: stored.region });
  if (!decision.ok) return forbidden(decision);
  const { expectedVersion, ...changes } = parsed.data;
  if (stored.version !== expectedVersion) return changedMeanwhile();
  const at = ctx.clock.now().toISOString();
  const customer = customerSchema.parse({ ...stored, ...withoutUndefined(changes), version: stored.version + 1, updatedAt: at });
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      writes: [{ kind: 'customer', record: customer, expectedVersion }],
      outbox: [],
      result: customer,
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return changedMeanwhile();
    throw error;
  }
}

/** Someone saved the record after the page read it: the page reloads and the person makes the change again. */
export function changedMeanwhile(): UseCaseResult<never> {
  return { ok: false, reason: 'conflict', message: 'api.conflict' };
}

export function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
