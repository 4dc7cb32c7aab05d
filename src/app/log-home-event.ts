import { attendingCustomerIds, homeEventDateError, logHomeEventCommand } from '../domain/commands/log-home-event.js';
import { localDate } from '../domain/dates.js';
import type { HomeEventLoggedEvent } from '../domain/events/home-event-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { Contact } from '../domain/records/contact.js';
import type { HomeEvent } from '../domain/records/home-event.js';
import { fieldErrorsFrom, type FieldError } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
import { authorize, homeScope } from './authorize.js';
import { listPeople } from './people.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { salesMentions } from './sales-mentions.js';

export interface HomeEventLogged {
  homeEvent: HomeEvent;
  careHomeName: string;
  customerNames: string[];
}

/**
 * The regional director logs a home event — relatives' evening, summer or Christmas party — and which
 * municipal officials came (DOMAIN.md: "customer attended a home event → sales, same way as a
 * visit"). The customers are derived from the attending contacts; management and sales are told.
 */
export async function logHomeEvent(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<HomeEventLogged>> {
  // In edit mode (`omat` → Muokkaa, a receipt's Muokkaa) the form also names the entry and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = logHomeEventCommand.safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const [home, contacts] = await Promise.all([
    ctx.store.records.get('careHome', fields.careHomeId),
    Promise.all(fields.attendingContactIds.map((id) => ctx.store.records.get('contact', id))),
  ]);
  const attending = contacts.filter((c): c is Contact => c !== undefined);
  const customers = await Promise.all(attendingCustomerIds(attending).map((id) => ctx.store.records.get('customer', id)));
  const errors: FieldError[] = [
    ...(home ? [] : [{ field: 'careHomeId', key: 'place.unknownCareHome' }]),
    ...[homeEventDateError(fields.date, localDate(ctx.clock.now()))].filter((e): e is FieldError => e !== undefined),
    ...(attending.length === contacts.length && customers.every(Boolean) ? [] : [{ field: 'attendingContactIds', key: 'homeEvent.unknownContact' }]),
  ];
  if (!home || errors.length > 0) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'recordForHome', homeScope(home));
  if (!mayRecord.ok) return forbidden(mayRecord);
  const customerName = new Map(customers.map((c) => [c!.id, c!.name]));

  const target = correction ? await entryToCorrect(ctx, actor, 'homeEvent', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const replaces = target?.record;

  const at = ctx.clock.now().toISOString();
  const homeEvent: HomeEvent = {
    ...(replaces ? nextVersion(replaces, at) : firstVersion(requestId, actor, at)),
    ...fields,
    customerIds: [...customerName.keys()],
    recordedBy: replaces?.recordedBy ?? actor,
  };
  const people = await listPeople(ctx);
  const event: HomeEventLoggedEvent = {
    type: 'homeEvent.logged',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `homeEvent:${homeEvent.id}`,
    data: {
      homeEventId: homeEvent.id,
      careHomeId: home.id,
      careHomeName: home.name,
      region: home.region,
      date: homeEvent.date,
      kind: homeEvent.kind,
      title: homeEvent.title,
      attendees: attending.map((c) => ({ contactId: c.id, name: c.name, customerId: c.customerId, customerName: customerName.get(c.customerId)! })),
      customers: [...customerName].map(([id, name]) => ({ id, name })),
      whatCameUp: homeEvent.whatCameUp,
      specialMention: homeEvent.specialMention,
      mentions: salesMentions(people, homeEvent.specialMention),
      recordedBy: homeEvent.recordedBy,
    },
  };
  const value: HomeEventLogged = { homeEvent, careHomeName: home.name, customerNames: [...customerName.values()] };
  return commitEntry(ctx, { at, actor, kind: 'homeEvent', record: homeEvent, replaces, event, people, idempotencyKey: `logHomeEvent:${requestId}`, result: value });
}
