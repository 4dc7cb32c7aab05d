import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the benchmark keeps each scale's seeded store, so a rerun skips the seed (minutes at 10×). */
export function benchDataDir(scale: number): string {
  return join(projectRoot, '.tmp', 'read-bench', `large-${scale}x`);
}

/**
 * The real-size demo at `scale`, seeded by `npm run seed:large` when the folder has no store yet. A folder
 * left half-seeded by an interrupted run is refused by the seed: delete it and run again.
 */
export function ensureSeeded(scale: number): { dataDir: string; seededNow: boolean; seedMs: number } {
  const dataDir = benchDataDir(scale);
  if (existsSync(join(dataDir, 'hoivacrm.sqlite'))) return { dataDir, seededNow: false, seedMs: 0 };
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/seed-large.ts'), '--scale', String(scale), '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`seeding ${dataDir} failed (exit ${run.status})`);
  return { dataDir, seededNow: true, seedMs: Date.now() - started };
}
