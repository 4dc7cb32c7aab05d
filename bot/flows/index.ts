import { helpCommand, type CommandSpec } from '../commands.js';
import type { BotFlow } from './flow.js';
import { channelFlow } from './channel-flow.js';
import { contactLogFlow } from './contact-log-flow.js';
import { placeFlow } from './place-flow.js';
import { visitFlow } from './visit-flow.js';

/** Every flow the bot offers, in the order the help card lists them. */
export const flows: readonly BotFlow[] = [placeFlow, visitFlow, contactLogFlow, channelFlow];

/** Every chat command, `ohje` first. */
export function commandsOf(list: readonly BotFlow[] = flows): CommandSpec[] {
  return [helpCommand, ...list.flatMap((f) => f.commands)];
}
