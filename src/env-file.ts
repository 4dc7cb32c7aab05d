import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reads `.env` in the project folder into the environment when there is one (`.env.example` says "copy to
 * .env"). A variable already set in the environment wins: the file is the default, not an override.
 */
export function loadDotEnv(file = join(projectRoot, '.env')): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
