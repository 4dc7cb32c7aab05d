/**
 * `npm start`: HoivaCRM in local mode plus the Microsoft 365 Agents Playground (Microsoft's Teams
 * emulator) pointed at it, and the tab built (and rebuilt on change) by Vite. Ctrl-C stops all of it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDotEnv } from '../src/env-file.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
loadDotEnv();
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) console.log(prefix(line));
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.log(prefix(`exited (${signal ?? code}); stopping everything`));
      void stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// The tab: built once before the server starts (so /tab/ works at once), then rebuilt on every change in local mode.
const vite = join(root, 'node_modules/vite/bin/vite.js');
const viteConfig = join(root, 'tab/vite.config.ts');
const built = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('The tab did not build (see above); the bot starts anyway, /tab/ answers 503 until a build succeeds.');
}
if ((process.env.MODE ?? 'local') === 'local') {
  run('tab', process.execPath, [vite, 'build', '--watch', '--config', viteConfig, '--logLevel', 'warn'], { ...process.env });
}

const server = run('hoivacrm', process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], {
  ...process.env,
  MODE: process.env.MODE ?? 'local',
  PORT: port,
});
let playgroundStarted = false;
server.stdout?.on('data', (chunk: string) => {
  if (!chunk.includes('HoivaCRM listening') || playgroundStarted) return;
  playgroundStarted = true;
  // The Playground reads .m365agentsplayground.yml from its working directory (the project root).
  const playground = run(
    'playground',
    process.execPath,
    [join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), '-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
    { ...process.env },
  );
  playground.stdout?.on('data', (out: string) => {
    // It takes another port when the asked one is busy, and says which.
    const listening = /Listening on (\d+)/.exec(out);
    if (!listening) return;
    console.log('');
    console.log(`  Bot:               http://127.0.0.1:${port}/api/messages`);
    console.log(`  Tab:               http://127.0.0.1:${port}/tab/`);
    console.log(`  Agents Playground: http://localhost:${listening[1]}  (team "Hoiva": open Myynti once to install the app)`);
    console.log('  Ctrl-C stops all of it.');
    console.log('');
  });
});
// If this process goes, its children go too.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});
