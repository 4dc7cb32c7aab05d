import { ConfigError, loadConfig } from './config.js';
import { loadDotEnv } from './env-file.js';
import { startApp } from './server/start-app.js';
import { StartupError } from './server/startup-error.js';

/** `npm run start:server`: the HoivaCRM server alone (npm start also runs the Agents Playground). */
async function main(): Promise<void> {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  let running;
  try {
    running = await startApp(config);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (config.MODE === 'local') {
    console.log('Local mode: Bot Framework authentication is OFF, so the server listens on loopback only.');
  }
  console.log(`HoivaCRM listening on ${running.url}`);
  console.log(`  bot endpoint: ${running.url}/api/messages`);
  console.log(`  tab:          ${running.url}/tab/`);
  let stopping = false;
  // SIGTERM (a container stop, a deploy): no new connections; the requests in flight get their answers and
  // the outbox's posts under way finish, within SHUTDOWN_GRACE_MS; rows not taken stay queued for the next start.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop(config.SHUTDOWN_GRACE_MS);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
