import type { BotFlow } from './flow.js';

/** SLOT: asiakas <nimi> / customer <name> — the customer card. */
export const customerFlow: BotFlow = {
  commands: [],
  submitActions: [],
};
