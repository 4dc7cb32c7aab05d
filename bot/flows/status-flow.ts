import { deliveryStatus, retryUndelivered } from '../../src/app/delivery-status.js';
import { t, tn } from '../../src/i18n/messages.js';
import { deliveryStatusCard } from '../cards/delivery-status-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow } from './flow.js';

/**
 * `tila` / `status`: how card delivery stands, for admins (issue 9): counts by state, the oldest card not
 * sent, broken channels, and every card that ended undelivered with its reason. `tila uudelleen` /
 * `status retry` sends the undelivered ones again.
 */
const retryWords = ['uudelleen', 'retry'];

export const statusFlow: BotFlow = {
  commands: [{ id: 'status', fi: 'tila', en: 'status', takesArgument: true, help: 'help.cmd.status', example: 'tila uudelleen' }],
  submitActions: [],

  async onCommand(_id, argument, ctx) {
    const word = argument.trim().toLocaleLowerCase('fi');
    if (word && !retryWords.includes(word)) {
      await ctx.reply.text(t(ctx.locale, 'delivery.status.usage'));
      return;
    }
    if (word) {
      const result = await retryUndelivered(ctx.app, ctx.actor);
      if (!result.ok) return replyWithFailure(ctx, result);
      const text = result.value.requeued > 0 ? tn(ctx.locale, 'delivery.retry.done', result.value.requeued) : t(ctx.locale, 'delivery.retry.none');
      await ctx.reply.text(text);
      return;
    }
    const result = await deliveryStatus(ctx.app, ctx.actor);
    if (!result.ok) return replyWithFailure(ctx, result);
    await ctx.reply.card(deliveryStatusCard(result.value, ctx.locale));
  },
};
