import type { Request, Response } from 'express';
import type { AppContext } from '../src/app/app-context.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { NotificationSender } from '../src/notify/sender-port.js';
import { createAdapter } from './adapter.js';
import { refreshFor, type CardViews } from './card-views.js';
import { HoivaBot } from './hoiva-bot.js';
import { inboundActivityHandler } from './inbound-activity.js';
import { BotFrameworkSender } from './notification-sender.js';

/** What the server needs from the Teams side: a handler for /api/messages and the sender port. */
export interface TeamsBot {
  handleMessages(req: Request, res: Response): Promise<void>;
  sender: NotificationSender;
}

/** The only entry point into bot/: everything botbuilder stays behind it. */
/**
 * `icsBaseUrl`: the server's own address once it listens (local mode serves meeting invitations as .ics there);
 * undefined when invitations are Outlook events.
 */
export function createTeamsBot(config: Config, app: AppContext, logger: Logger, icsBaseUrl: () => string | undefined = () => undefined): TeamsBot {
  const { adapter, appId, auth } = createAdapter(config, logger);
  const bot = new HoivaBot({
    app,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
    ...(config.MODE === 'local' && config.LOCAL_LOCALE !== 'client' ? { personalLocale: config.LOCAL_LOCALE } : {}),
    ...(config.MODE === 'local' && config.LOCAL_GENERAL_CHANNEL_AUDIENCE === 'management'
      ? { generalChannelAudience: 'management' as const }
      : {}),
  });
  return {
    handleMessages: inboundActivityHandler({ adapter, auth, logger, logic: (context) => bot.run(context) }),
    sender: new BotFrameworkSender(adapter, appId, config.OUTBOX_REQUEST_TIMEOUT_MS, cardViews(config) === 'user-specific' ? (event) => refreshFor(app, event) : undefined, icsBaseUrl),
  };
}

/** CARD_VIEWS, or by mode: tenant cards give each person their own view; the Agents Playground cannot refresh. */
export function cardViews(config: Config): CardViews {
  return config.CARD_VIEWS ?? (config.MODE === 'local' ? 'shared' : 'user-specific');
}
