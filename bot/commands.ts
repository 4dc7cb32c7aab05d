/**
 * Chat commands, Finnish and English. Matching ignores case, extra spaces and the @mention Teams puts
 * in front of a message in a channel; an unknown command gets the closest known one as a suggestion.
 */
export type CommandId = 'help' | 'freePlace' | 'places' | 'channelSales' | 'channelManagement';

export interface CommandSpec {
  id: CommandId;
  fi: string;
  en: string;
  aliases?: readonly string[];
}

export const commands: readonly CommandSpec[] = [
  { id: 'help', fi: 'ohje', en: 'help', aliases: ['apua', '?'] },
  { id: 'freePlace', fi: 'vapaa paikka', en: 'free place', aliases: ['vapautuva paikka', 'freeing place'] },
  { id: 'places', fi: 'paikat', en: 'places', aliases: ['vapaat paikat', 'free places'] },
  { id: 'channelSales', fi: 'kanava myynti', en: 'channel sales' },
  { id: 'channelManagement', fi: 'kanava johto', en: 'channel management' },
];

export function normalizeCommandText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .toLocaleLowerCase('fi')
    .replace(/\s+/g, ' ');
}

export type ParsedCommand = { kind: 'command'; id: CommandId } | { kind: 'unknown'; text: string; suggestion?: string };

export function parseCommand(text: string): ParsedCommand {
  const normalized = normalizeCommandText(text);
  for (const spec of commands) {
    if ([spec.fi, spec.en, ...(spec.aliases ?? [])].includes(normalized)) return { kind: 'command', id: spec.id };
  }
  const suggestion = closestCommand(normalized);
  return suggestion ? { kind: 'unknown', text: normalized, suggestion } : { kind: 'unknown', text: normalized };
}

/** The known command word nearest to what was typed, if it is near enough to be a typo. */
export function closestCommand(typed: string): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const spec of commands) {
    for (const word of [spec.fi, spec.en]) {
      const distance = levenshtein(typed, word);
      if (!best || distance < best.distance) best = { word, distance };
    }
  }
  if (!best || typed.length === 0) return undefined;
  return best.distance <= Math.max(2, Math.floor(best.word.length / 3)) ? best.word : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
