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

/**
 * Teams refuses a message over about 28 KB ("Limits and specifications for Microsoft Teams": bot messages
 * of ~28 KB including the text and cards); no command is anywhere near, so a longer text is refused
 * politely before it is parsed (bot/hoiva-bot.ts).
 */
export const maxMessageLength = 28_000;

/**
 * The command text of a message: the @mentions (`<at>…</at>`) and other markup Teams puts in dropped,
 * `&nbsp;` read as a space, whitespace collapsed. One left-to-right pass, so the time is linear in the
 * length: the regular expressions it replaces (`/<[^>]+>/g` above all) rescanned the rest of the text from
 * every unclosed `<`, and 28,000 of them held the process for a second.
 */
export function normalizeCommandText(text: string): string {
  return collapseWhitespace(stripTags(stripMentions(text).replaceAll('&nbsp;', ' ')));
}

/** `<at>…</at>` (no `<` inside, any case) → a space. */
function stripMentions(text: string): string {
  let out = '';
  let from = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    if (text.slice(i, i + 4).toLowerCase() === '<at>') {
      const close = text.indexOf('<', i + 4);
      if (close !== -1 && text.slice(close, close + 5).toLowerCase() === '</at>') {
        out += `${text.slice(from, i)} `;
        from = close + 5;
        i = text.indexOf('<', from);
        continue;
      }
      // The next `<` starts no closing tag: no mention starts here; look again from that `<`.
      i = close;
      continue;
    }
    i = text.indexOf('<', i + 1);
  }
  return out + text.slice(from);
}

/** Any `<…>` with something inside (what `/<[^>]+>/g` matched) → a space; a `<` never closed stays. */
function stripTags(text: string): string {
  let out = '';
  let from = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const gt = text.indexOf('>', i + 1);
    // No `>` after this `<`: none after any later `<` either, so the rest is text.
    if (gt === -1) break;
    // The tag starting here ends at the first `>` after it, when something stands between them (`<>` is text).
    if (gt > i + 1) {
      out += `${text.slice(from, i)} `;
      from = gt + 1;
      i = text.indexOf('<', from);
    } else {
      i = text.indexOf('<', i + 1);
    }
  }
  return out + text.slice(from);
}

function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
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
