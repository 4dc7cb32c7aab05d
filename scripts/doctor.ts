/**
 * `npm run doctor`: checks, before `STORE=sharepoint`, that HoivaCRM can use the SharePoint site — the
 * settings, the certificate, an app-only token, the site, each list and column, reading items — and names the
 * first thing that is wrong with what to do about it. Read-only: it sends GET requests only (and the token
 * request). Exit code 0 when every check passes (warnings allowed), 1 at the first failure, 2 for a wrong
 * option. See src/store/sharepoint/doctor.ts.
 */
import { pathToFileURL } from 'node:url';
import { loadDotEnv } from '../src/env-file.js';
import { runDoctor } from '../src/store/sharepoint/doctor.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage: npm run doctor
Checks, in order, and stops at the first failure: the settings (MICROSOFT_APP_*, GRAPH_*, SHAREPOINT_SITE_ID,
SHAREPOINT_SITE_URL; see .env.example), the certificate file, an app-only token, the site, every HoivaCRM list
and column, the list views (a warning only), and reading one item of each list. With CALENDAR=graph also that the
organizer mailbox answers (GET /users/{CALENDAR_ORGANIZER_MAILBOX}/calendar; a 403 is the Exchange RBAC for
Applications scope); with CALENDAR=graph and the SQLite store no site is checked. Writes nothing.`;

export async function runDoctorCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const unknown = argv.filter((a) => a !== '--help' && a !== '-h');
  if (argv.length) {
    if (unknown.length) io.err(`Unknown option(s): ${unknown.join(' ')}`);
    io.out(usage);
    return unknown.length ? 2 : 0;
  }
  const result = await runDoctor({ env, out: io.out });
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv();
  process.exitCode = await runDoctorCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
