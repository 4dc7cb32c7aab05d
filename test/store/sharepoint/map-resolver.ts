import type { ReferenceResolver } from '../../../src/store/sharepoint/field-mapping.js';

/** Record ids ↔ SharePoint item ids of the customer and care-home lists, as the adapter will keep them. */
export function mapResolver(entries: Partial<Record<'customer' | 'careHome', [recordId: string, itemId: string][]>>): ReferenceResolver {
  return {
    itemIdOf: (kind, recordId) => entries[kind]?.find(([r]) => r === recordId)?.[1],
    recordIdOf: (kind, itemId) => entries[kind]?.find(([, i]) => i === itemId)?.[0],
  };
}
