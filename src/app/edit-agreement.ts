import { z } from 'zod';
import { parseAgreementFields } from '../domain/commands/record-agreement.js';
import { agreementSchema, type Agreement } from '../domain/records/agreement.js';
import type { ActorRef } from '../domain/records/common.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { changedMeanwhile } from './update-customer.js';

const editRef = z.object({ expectedVersion: z.number().int().positive() });

/**
 * A customer's agreement corrected or renewed on the tab's customer page (issue 13): the same fields, parsing
 * and schema as recording one (record-agreement.ts: a price typed "182,50", option years "2028, 2029"), by the
 * same people (authorize.ts recordAgreement in the customer's region), over the version the page showed. The
 * agreement stays the customer's it was recorded for.
 */
export async function editAgreement(ctx: AppContext, actor: ActorRef, customerId: string, agreementId: string, input: Record<string, unknown>): Promise<UseCaseResult<Agreement>> {
  const ref = editRef.safeParse(input);
  const fields = parseAgreementFields({ ...input, customerId });
  if (!ref.success || !fields.ok) return invalid([...(ref.success ? [] : fieldErrorsFrom(ref.error)), ...(fields.ok ? [] : fields.errors)]);
  const stored = await ctx.store.records.get('agreement', agreementId);
  const customer = stored && stored.customerId === customerId ? await ctx.store.records.get('customer', customerId) : undefined;
  if (!stored || !customer) return invalid([{ field: 'agreementId', key: 'customer.agreementUnknown' }]);
  const decision = await authorize(ctx, actor, 'recordAgreement', { region: customer.region });
  if (!decision.ok) return forbidden(decision);
  const { expectedVersion } = ref.data;
  if (stored.version !== expectedVersion) return changedMeanwhile();
  const at = ctx.clock.now().toISOString();
  const { id, version, createdAt, createdBy } = stored;
  const agreement = agreementSchema.parse({ id, version: version + 1, createdAt, createdBy, updatedAt: at, ...fields.agreement, customerId });
  try {
    return await commitChanges(ctx, { at, by: actor, writes: [{ kind: 'agreement', record: agreement, expectedVersion }], outbox: [], result: agreement });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return changedMeanwhile();
    throw error;
  }
}
