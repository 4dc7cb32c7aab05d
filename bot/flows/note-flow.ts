import type { BotFlow } from './flow.js';

/** SLOT: tieto / note — information between sales and production. */
export const noteFlow: BotFlow = {
  commands: [],
  submitActions: [],
};
