import type { UseCaseResult } from '../../src/app/result.js';
import { isMessageKey, t } from '../../src/i18n/messages.js';
import type { FlowContext } from './flow.js';

/**
 * The answer to a use case that refused without a form to send back: not allowed (naming the roles
 * that are), someone changed the record first, or the first field error as a sentence.
 */
export async function replyWithFailure(ctx: FlowContext, result: Exclude<UseCaseResult<unknown>, { ok: true }>): Promise<void> {
  await ctx.reply.text(failureText(ctx, result));
}

/** The sentence of a refusal, for a card that shows it above what the person typed (bot/cards/notice.ts). */
export function failureText(ctx: Pick<FlowContext, 'locale'>, result: Exclude<UseCaseResult<unknown>, { ok: true }>): string {
  const { locale } = ctx;
  let text: string;
  switch (result.reason) {
    case 'forbidden':
      text = t(locale, result.message, {
        roles: (result.roles ?? []).map((r) => t(locale, `role.${r}`)).join(', '),
        // A scope is a home's name, or a region's code (shown by its name).
        ...(result.params?.where !== undefined ? { where: isMessageKey(`region.${result.params.where}`) ? t(locale, `region.${result.params.where}`) : result.params.where } : {}),
      });
      break;
    case 'conflict':
      text = t(locale, result.message);
      break;
    case 'invalid': {
      const first = result.errors[0];
      text = first ? t(locale, first.key, first.params) : t(locale, 'error.generic');
      break;
    }
  }
  return text;
}
