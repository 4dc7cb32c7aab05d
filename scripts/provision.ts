/**
 * `npm run provision [-- --dry-run] [--no-views]`: creates or updates the SharePoint lists (and their views)
 * HoivaCRM keeps its records in, on the site SHAREPOINT_SITE_ID, with the Entra app of MICROSOFT_APP_* and
 * the GRAPH_* settings (.env.example). Run it once with the provisioning grant (Sites.Selected manage or
 * fullcontrol); running it again changes nothing unless a schema changed. See src/store/sharepoint/provision.ts.
 */
import { pathToFileURL } from 'node:url';
import { loadDotEnv } from '../src/env-file.js';
import { createGraphClient, type GraphClient } from '../src/graph/graph-client.js';
import { GraphSettingsError, graphSettingsFromEnv } from '../src/graph/graph-settings.js';
import type { Logger } from '../src/logger.js';
import { explain, provision } from '../src/store/sharepoint/provision.js';
import { createSharePointRest, sharePointRestUnavailable, type SharePointRestClient } from '../src/store/sharepoint/sharepoint-rest.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage: npm run provision [-- --dry-run] [--no-views]
  --dry-run   read the site and print every request provisioning would send (method, URL, JSON body); write nothing
  --no-views  leave the list views (SharePoint REST) out
Settings (environment, see .env.example): SHAREPOINT_SITE_ID (required), SHAREPOINT_SITE_URL (for the views;
default: the site's webUrl), MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_CERTIFICATE_PATH, GRAPH_*.`;

export async function runProvisionCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const known = new Set(['--dry-run', '--no-views', '--help', '-h']);
  const unknown = argv.filter((a) => !known.has(a));
  if (argv.includes('--help') || argv.includes('-h') || unknown.length) {
    if (unknown.length) io.err(`Unknown option(s): ${unknown.join(' ')}`);
    io.out(usage);
    return unknown.length ? 2 : 0;
  }
  const dryRun = argv.includes('--dry-run');
  const siteId = env.SHAREPOINT_SITE_ID?.trim();
  if (!siteId) {
    io.err('SHAREPOINT_SITE_ID is not set: the Graph site id "hostname,siteCollectionId,webId" of the site that holds the lists (GET https://graph.microsoft.com/v1.0/sites/{hostname}:/sites/{path}?$select=id).');
    return 1;
  }

  const logger: Logger = {
    info: () => undefined,
    warn: (message, fields) => io.err(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    error: (message, fields) => io.err(`error: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
  };
  let graph: GraphClient | undefined;
  let rest: SharePointRestClient | undefined;
  try {
    const settings = graphSettingsFromEnv(env);
    graph = createGraphClient(settings, { logger });
    let siteUrl = env.SHAREPOINT_SITE_URL?.trim() || undefined;
    if (!siteUrl && !argv.includes('--no-views')) {
      const client = graph;
      siteUrl = await client
        .get<{ webUrl?: string }>(`/sites/${siteId}`, { query: { $select: 'webUrl' } })
        .then((site) => site.webUrl)
        .catch((error: unknown) => {
          throw explain(error, 'read', 'reading the site', siteId);
        });
    }
    const restUnavailable = argv.includes('--no-views') ? 'left out (--no-views)' : sharePointRestUnavailable(settings, siteUrl);
    if (!restUnavailable && siteUrl) rest = createSharePointRest(settings, siteUrl, { logger });
    io.out(`${dryRun ? 'Dry run: ' : ''}provisioning the HoivaCRM lists on ${siteId}${siteUrl ? ` (${siteUrl})` : ''}`);
    await provision({ graph, siteId, rest, restUnavailable, dryRun, out: io.out });
    return 0;
  } catch (error) {
    io.err(error instanceof GraphSettingsError ? error.message : `Provisioning stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    rest?.close();
    graph?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv();
  process.exitCode = await runProvisionCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
