import type { GraphClient } from '../../graph/graph-client.js';
import type { RecordKind } from '../record-kinds.js';
import { listDefinitions } from './list-schema.js';

/**
 * The id of each HoivaCRM list on the site, read once at start (one paged GET of the site's lists). Lists
 * are found by display name, as provisioning creates them; a missing one stops start-up with the fix.
 */
export class ListDirectory {
  private constructor(
    readonly siteId: string,
    private readonly ids: ReadonlyMap<RecordKind, string>,
  ) {}

  static async read(graph: GraphClient, siteId: string): Promise<ListDirectory> {
    const lists = await graph.collect<{ id: string; displayName: string }>(`/sites/${siteId}/lists`, { query: { $select: 'id,displayName' } });
    const ids = new Map<RecordKind, string>();
    const missing: string[] = [];
    for (const definition of listDefinitions) {
      const list = lists.find((l) => l.displayName === definition.displayName);
      if (list) ids.set(definition.kind, list.id);
      else missing.push(`"${definition.displayName}"`);
    }
    if (missing.length) {
      throw new Error(`The site ${siteId} lacks the list(s) ${missing.join(', ')}: run npm run provision (with the provisioning grant), then npm run doctor.`);
    }
    return new ListDirectory(siteId, ids);
  }

  listId(kind: RecordKind): string {
    return this.ids.get(kind)!;
  }

  kindOf(listId: string): RecordKind | undefined {
    return [...this.ids].find(([, id]) => id === listId)?.[0];
  }

  itemsPath(kind: RecordKind): string {
    return `/sites/${this.siteId}/lists/${this.listId(kind)}/items`;
  }
}
