/**
 * Chat command matching, Finnish and English. Matching ignores case, extra spaces and the @mention
 * Teams puts in front of a channel message; an unknown command gets the closest known one as a
 * suggestion. Each flow (bot/flows) declares its own commands.
 */
import { editDistance } from '../src/domain/text/edit-distance.js';
export interface CommandSpec {
  id: string;
  fi: string;
  en: string;
  aliases?: readonly string[];
  /** `asiakas <nimi>`: the rest of the message is the command's argument. */
  takesArgument?: boolean;
  /** The help card's description of the command. */
  help: string;
  /** The help card's example, when the command takes an argument. */
  example?: string;
}

/** `ohje` / `help` belongs to no flow: the bot answers it with the help card of all flows. */
export const helpCommand: CommandSpec = { id: 'help', fi: 'ohje', en: 'help', aliases: ['apua', '?'], help: 'help.cmd.help' };

export function normalizeCommandText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export type ParsedCommand =
  | { kind: 'command'; id: string; argument: string }
  | { kind: 'unknown'; text: string; suggestion?: string };

export function parseCommand(text: string, specs: readonly CommandSpec[]): ParsedCommand {
  const typed = normalizeCommandText(text);
  const lower = typed.toLocaleLowerCase('fi');
  for (const spec of specs) {
    for (const word of [spec.fi, spec.en, ...(spec.aliases ?? [])]) {
      if (lower === word) return { kind: 'command', id: spec.id, argument: '' };
      if (spec.takesArgument && lower.startsWith(`${word} `)) {
        return { kind: 'command', id: spec.id, argument: typed.slice(word.length).trim() };
      }
    }
  }
  const suggestion = closestCommand(lower, specs);
  return suggestion ? { kind: 'unknown', text: lower, suggestion } : { kind: 'unknown', text: lower };
}

/** The known command word nearest to what was typed, if it is near enough to be a typo. */
export function closestCommand(typed: string, specs: readonly CommandSpec[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const spec of specs) {
    for (const word of [spec.fi, spec.en]) {
      // For a command with an argument, compare only the words the command itself has.
      const candidate = spec.takesArgument ? typed.split(' ').slice(0, word.split(' ').length).join(' ') : typed;
      const distance = editDistance(candidate, word);
      if (!best || distance < best.distance) best = { word, distance };
    }
  }
  if (!best || typed.length === 0) return undefined;
  return best.distance <= Math.max(2, Math.floor(best.word.length / 3)) ? best.word : undefined;
}
