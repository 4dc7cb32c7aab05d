import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { listOpenPlaces } from '../../src/app/list-open-places.js';
import { recordPlaceFreed } from '../../src/app/record-place-freed.js';
import { reservePlace } from '../../src/app/reserve-place.js';
import { settlePlace } from '../../src/app/settle-place.js';
import { formatDate, formatDateTime, t } from '../../src/i18n/messages.js';
import { openPlacesCard } from '../cards/open-places-card.js';
import { placeFreedFormCard } from '../cards/place-freed-form-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/** Places: record a freed or freeing place (the home director's daily occupancy update), list open places. */
export const placeFlow: BotFlow = {
  commands: [
    { id: 'freePlace', fi: 'vapaa paikka', en: 'free place', aliases: ['vapautuva paikka', 'freeing place'], help: 'help.cmd.freePlace' },
    { id: 'places', fi: 'paikat', en: 'places', aliases: ['vapaat paikat', 'free places'], help: 'help.cmd.places' },
  ],
  submitActions: ['placeFreed.submit', 'place.reserve', 'place.sell', 'place.release'],

  async onCommand(id, _argument, { reply, app, locale, actor }) {
    if (id === 'freePlace') {
      const homes = await careHomeChoices(app, actor);
      await reply.card(placeFreedFormCard(locale, { homes, requestId: randomUUID() }));
    } else {
      const groups = await listOpenPlaces(app, { withReserved: true });
      await reply.card(openPlacesCard(locale, groups));
    }
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'place.reserve') return reserveFromCard(values, ctx);
    if (action === 'place.sell' || action === 'place.release') return settleFromCard(action === 'place.sell' ? 'sell' : 'release', values, ctx);
    const { reply, app, locale, actor } = ctx;
    const result = await recordPlaceFreed(app, actor, values);
    if (result.ok) {
      const { place, careHomeName } = result.value;
      await reply.text(
          t(locale, result.duplicate ? 'placeFreed.savedAlready' : 'placeFreed.saved', {
            label: place.label,
            home: careHomeName,
            status: t(locale, `status.${place.status}`),
            date: formatDate(locale, place.freeFrom ?? ''),
          }),
      );
    } else if (result.reason === 'invalid') {
      const homes = await careHomeChoices(app, actor);
      const card = placeFreedFormCard(locale, { homes, requestId: envelope.requestId, values, errors: result.errors });
      await reply.card(card);
    } else if (result.reason === 'conflict') {
      const first = result.changedFirst;
      const text = first
        ? t(locale, 'placeFreed.changedFirst', { name: first.by, label: first.label, when: formatDateTime(locale, first.at), status: t(locale, `status.${first.status}`) })
        : t(locale, 'placeFreed.conflict');
      await reply.text(text);
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

/**
 * "Varaa alustavasti" submitted from the card in the channel. The card itself updates for everyone
 * through the outbox; the answer in the thread says who reserved, or who was first.
 */
async function reserveFromCard(values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { reply, app, locale, actor } = ctx;
  const result = await reservePlace(app, actor, values);
  if (!result.ok) return replyWithFailure(ctx, result);
  const outcome = result.value;
  if (outcome.reserved) {
    await reply.text(t(locale, 'reserve.done', { name: actor.name, label: outcome.place.label, customer: outcome.customerName }));
  } else if (outcome.reservedBy && outcome.reservedAt) {
    await reply.text(
        t(locale, 'reserve.firstWas', {
          name: outcome.reservedBy.name,
          label: outcome.place.label,
          customer: outcome.customerName ?? '?',
          when: formatDateTime(locale, outcome.reservedAt),
        }),
    );
  } else if (outcome.changedBy && outcome.changedAt) {
    const params = { name: outcome.changedBy.name, label: outcome.place.label, when: formatDateTime(locale, outcome.changedAt), status: t(locale, `status.${outcome.place.status}`) };
    await reply.text(t(locale, 'reserve.changedFirst', params));
  } else {
    await reply.text(t(locale, 'reserve.notOpen', { label: outcome.place.label, status: t(locale, `status.${outcome.place.status}`) }));
  }
}

/**
 * "Merkitse myydyksi" / "Peru varaus" submitted from the reserved place's card. As with reserving, the
 * card updates for everyone through the outbox; the answer in the thread says what was done, or who
 * changed the place first.
 */
async function settleFromCard(settlement: 'sell' | 'release', values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { reply, app, locale, actor } = ctx;
  const result = await settlePlace(app, actor, { ...values, settlement });
  if (!result.ok) return replyWithFailure(ctx, result);
  const outcome = result.value;
  const { place } = outcome;
  const status = t(locale, `status.${place.status}`);
  let text: string;
  if (outcome.settled) {
    text = t(locale, outcome.settlement === 'sell' ? 'settle.sold' : 'settle.released', { name: actor.name, label: place.label, customer: outcome.customerName, status });
  } else if (outcome.changedBy && outcome.changedAt) {
    const params = { name: outcome.changedBy.name, label: place.label, customer: outcome.customerName ?? '?', when: formatDateTime(locale, outcome.changedAt), status };
    const key = place.status === 'kaytossa' ? 'settle.firstWasSold' : place.status === 'alustavasti-varattu' ? 'reserve.firstWas' : 'settle.firstWasReleased';
    text = t(locale, key, params);
  } else {
    text = t(locale, 'settle.notReserved', { label: place.label, status });
  }
  await reply.text(text);
}
