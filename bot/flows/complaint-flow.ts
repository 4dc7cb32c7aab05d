import type { BotFlow } from './flow.js';

/** SLOT for the complaint flow: `reklamaatio` / `complaint`. */
export const complaintFlow: BotFlow = {
  commands: [],
  submitActions: [],
};
