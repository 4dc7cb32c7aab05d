import { t, type Locale } from '../../src/i18n/messages.js';
import type { CommandSpec } from '../commands.js';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from './elements.js';

/** The list of commands, in the user's language first and the other language beside it. */
export function helpCard(locale: Locale, commands: readonly CommandSpec[]): AdaptiveCard {
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'help.title'), { size: 'large', weight: 'bolder' }),
      textBlock(t(locale, 'help.intro'), { isSubtle: true }),
      factSet(
        commands.map((c) => {
          const [own, other] = locale === 'fi' ? [c.fi, c.en] : [c.en, c.fi];
          const argument = c.takesArgument ? ` <${t(locale, 'help.argument')}>` : '';
          return [`${own}${argument} (${other})`, t(locale, c.help) + (c.example ? ` – ${c.example}` : '')];
        }),
      ),
    ],
  });
}
