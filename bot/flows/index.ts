import { helpCommand, type CommandSpec } from '../commands.js';
import type { BotFlow } from './flow.js';
import { agreementFlow } from './agreement-flow.js';
import { channelFlow } from './channel-flow.js';
import { complaintFlow } from './complaint-flow.js';
import { contactLogFlow } from './contact-log-flow.js';
import { customerFlow } from './customer-flow.js';
import { historyFlow } from './history-flow.js';
import { homeEventFlow } from './home-event-flow.js';
import { meetingFlow } from './meeting-flow.js';
import { mineFlow } from './mine-flow.js';
import { noteFlow } from './note-flow.js';
import { placeFlow } from './place-flow.js';
import { planFlow } from './plan-flow.js';
import { statusFlow } from './status-flow.js';
import { visitFlow } from './visit-flow.js';

/** Every flow the bot offers, in the order the help card lists them. */
export const flows: readonly BotFlow[] = [
  placeFlow,
  visitFlow,
  homeEventFlow,
  complaintFlow,
  contactLogFlow,
  noteFlow,
  meetingFlow,
  mineFlow,
  customerFlow,
  agreementFlow,
  planFlow,
  historyFlow,
  channelFlow,
  statusFlow,
];

/** Every chat command, `ohje` first. */
export function commandsOf(list: readonly BotFlow[] = flows): CommandSpec[] {
  return [helpCommand, ...list.flatMap((f) => f.commands)];
}
