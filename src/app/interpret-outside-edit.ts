import { stableIdFor } from '../domain/stable-id.js';
import type { PlaceChangedEvent, PlaceFreedEvent } from '../domain/events.js';
import type { Place } from '../domain/records/place.js';
import { notificationsFor } from '../notify/routing.js';
import type { RecordKind, RecordOf } from '../store/record-kinds.js';
import type { OutboxDraft, OutsideEdit, OutsideEditInterpreter } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { placeCardData } from './place-card-data.js';

/**
 * Edits people make directly in the SharePoint lists (issue 4) cause the same domain events, and so the same
 * cards, as the bot commands:
 *
 * - a place that becomes free or freeing (a new item, or its status changed from occupied/reserved) →
 *   `place.freed`: the card in the sales channel, as "vapaa"/"vapautuu" typed in the bot would;
 * - any other change of a place that has cards → `place.changed`: the posted cards update in place.
 *
 * The person who edited becomes the status changer, as the bot records whoever recorded a status. Event ids
 * derive from the edit (list, item, eTag), so reading the same edit twice queues nothing new (the outbox is
 * keyed by event id). Edits of other records are taken into the mirror without a notification: their
 * notifications name the person who recorded them through the bot, and a list edit has no such step.
 */
export function outsideEditInterpreter(ctx: AppContext): OutsideEditInterpreter {
  return (async <K extends RecordKind>(edit: OutsideEdit<K>) => {
    if (edit.kind === 'place') return (await interpretPlaceEdit(ctx, edit as unknown as OutsideEdit<'place'>)) as unknown as { record: RecordOf<K>; outbox: OutboxDraft[] };
    return { record: edit.after, outbox: [] };
  }) as OutsideEditInterpreter;
}

const open = (place: Place | undefined) => place?.status === 'vapaa' || place?.status === 'vapautuu';

async function interpretPlaceEdit(ctx: AppContext, edit: OutsideEdit<'place'>): Promise<{ record: Place; outbox: OutboxDraft[] }> {
  const { before, editor, at } = edit;
  const statusChanged = !before || before.status !== edit.after.status;
  const record: Place = statusChanged ? { ...edit.after, statusChangedBy: editor, statusChangedAt: at } : edit.after;
  const home = await ctx.store.records.get('careHome', record.careHomeId);
  if (!home) return { record, outbox: [] };
  const data = await placeCardData(ctx, record, home);
  if (open(record) && !open(before)) {
    const event: PlaceFreedEvent = { type: 'place.freed', eventId: stableIdFor(`outside-edit:${edit.editKey}:place.freed`), occurredAt: at, actor: editor, data };
    return { record, outbox: notificationsFor(event) };
  }
  if (!before) return { record, outbox: [] };
  const event: PlaceChangedEvent = { type: 'place.changed', eventId: stableIdFor(`outside-edit:${edit.editKey}:place.changed`), occurredAt: at, actor: editor, data };
  return { record, outbox: notificationsFor(event) };
}
