import type { BotFlow } from './flow.js';

/** SLOT: kokous / meeting — a development-meeting memo. */
export const meetingFlow: BotFlow = {
  commands: [],
  submitActions: [],
};
