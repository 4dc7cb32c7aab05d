import { t, type Locale } from '../../src/i18n/messages.js';
import { commands, type CommandId } from '../commands.js';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from './elements.js';

const descriptions: Record<CommandId, Parameters<typeof t>[1]> = {
  help: 'help.cmd.help',
  freePlace: 'help.cmd.freePlace',
  places: 'help.cmd.places',
  channelSales: 'help.cmd.channelSales',
  channelManagement: 'help.cmd.channelManagement',
};

/** The list of commands, in the user's language first and the other language beside it. */
export function helpCard(locale: Locale): AdaptiveCard {
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'help.title'), { size: 'large', weight: 'bolder' }),
      textBlock(t(locale, 'help.intro'), { isSubtle: true }),
      factSet(
        commands.map((c) => [
          locale === 'fi' ? `${c.fi} (${c.en})` : `${c.en} (${c.fi})`,
          t(locale, descriptions[c.id]),
        ]),
      ),
    ],
  });
}
