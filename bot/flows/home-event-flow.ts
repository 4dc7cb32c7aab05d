import type { BotFlow } from './flow.js';

/** SLOT: tilaisuus / event — a home event the municipality attended. */
export const homeEventFlow: BotFlow = {
  commands: [],
  submitActions: [],
};
