import type { Config } from '../config.js';
import { createGraphClient, type GraphClient } from '../graph/graph-client.js';
import type { Logger } from '../logger.js';
import { openSharePointStore, type SharePointStore } from '../store/sharepoint/sharepoint-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store-port.js';

export interface OpenedStore {
  store: Store;
  /** Set with STORE=sharepoint, with its Graph client. */
  sharepoint: SharePointStore | undefined;
  graph: GraphClient | undefined;
  /** Releases what the store used besides itself (the Graph client's connections). */
  close(): void;
}

/**
 * The storage adapter the configuration names. STORE=sharepoint keeps the records in SharePoint lists
 * (through one Graph client) and uses `sqliteFile` as its mirror and for the bot's own state.
 */
export async function openConfiguredStore(config: Config, sqliteFile: string, logger: Logger): Promise<OpenedStore> {
  if (config.STORE !== 'sharepoint') return { store: openSqliteStore(sqliteFile), sharepoint: undefined, graph: undefined, close: () => undefined };
  const graph = createGraphClient(config.graph!, { logger });
  try {
    const sharepoint = await openSharePointStore({ file: sqliteFile, graph, siteId: config.SHAREPOINT_SITE_ID!, logger });
    return { store: sharepoint, sharepoint, graph, close: () => graph.close() };
  } catch (error) {
    graph.close();
    throw error;
  }
}
