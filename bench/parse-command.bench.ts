/**
 * How long command parsing takes on adversarial messages of 25 kB, 100 kB and 400 kB (`npm run bench:parse`).
 * Linear parsing shows as times growing about 4× per row; the regular expressions this replaced grew 16×
 * (28,000 `<` took ~1 s). Printed, not asserted: tests assert behaviour, never time.
 */
import { normalizeCommandText, parseCommand } from '../bot/commands.js';
import { commandsOf } from '../bot/flows/index.js';

const commands = commandsOf();
const shapes: Record<string, (n: number) => string> = {
  'unclosed <': (n) => '<'.repeat(n),
  '<at> repeated': (n) => '<at>'.repeat(n / 4),
  '<at>x unclosed': (n) => '<at>x'.repeat(n / 5),
  '<a unclosed': (n) => '<a'.repeat(n / 2),
  'words': (n) => 'vapaa paikka '.repeat(n / 13),
};

function timeOf(run: () => void): number {
  run(); // warm-up
  const rounds = 5;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) run();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

const sizes = [25_000, 100_000, 400_000];
console.log(['shape'.padEnd(16), ...sizes.map((s) => `${s / 1000} kB`.padStart(12))].join(''));
for (const [name, make] of Object.entries(shapes)) {
  const row = sizes.map((size) => {
    const text = make(size);
    const ms = timeOf(() => {
      normalizeCommandText(text);
      parseCommand(text, commands);
    });
    return `${ms.toFixed(2)} ms`.padStart(12);
  });
  console.log([name.padEnd(16), ...row].join(''));
}
