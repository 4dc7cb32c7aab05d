import { withCurrentValues } from '../../domain/records/legacy-values.js';
import type { RecordKind } from '../record-kinds.js';
import { listDefinitionOf, type ListColumn } from './list-schema.js';

/**
 * Which HoivaCRM columns of an item the delta reader has to write back after taking it in (issue 10,
 * "SharePoint at real size"): only the ones that are missing or invalid, never a difference of values the
 * item holds correctly. A write-back costs a request, makes a new item version and shows "Modified by:
 * HoivaCRM" on a row a person edited, so an item that already holds a readable record is left alone —
 * on a first read of a populated list, and after a person's ordinary edit in the list view.
 *
 * What counts as missing or invalid:
 * - `HoivaId` empty or not the record's id (an item typed in the list view has none);
 * - `HoivaVersion` not a positive whole number, or ahead of the mirror's version. It may lag behind: the
 *   mirror's version moves on with every person's edit, the column only with HoivaCRM's own writes, so the
 *   column means "the version HoivaCRM last wrote" (docs/sharepoint-store.md);
 * - `HoivaCreatedAt`, `HoivaCreatedBy`, `HoivaUpdatedAt` empty or unreadable;
 * - a required "recorded by" column a person left empty (the reader filled it with the editor);
 * - a value of 2012 (issue 11): a choice column holding a value that is no longer one of its choices (the
 *   reader took it as its alias, e.g. `tehostettu` → `ymparivuorokautinen`), a JSON column holding old
 *   values (a home's service types, a plan's roles), and a required choice column an item of that time has
 *   empty (a customer's purchaser kind, which the reader derived from the name). Written once, so the list
 *   view, its filters and every later reader see the values of 2026.
 *
 * `wanted` is the record as `recordToFields` writes it; the answer is the part of it to PATCH ({} = nothing).
 */
export function columnsToRepair(kind: RecordKind, fields: Record<string, unknown>, wanted: Record<string, unknown>, mirrorVersion: number): Record<string, unknown> {
  const repair: Record<string, unknown> = {};
  for (const column of listDefinitionOf(kind).columns) {
    const key = column.fieldKey;
    const have = fields[key];
    const broken = (() => {
      switch (column.field) {
        case 'id':
          return have !== wanted[key];
        case 'version': {
          const n = Number(have);
          return isEmpty(have) || !Number.isInteger(n) || n < 1 || n > mirrorVersion;
        }
        case 'createdAt':
        case 'updatedAt':
          return isEmpty(have) || Number.isNaN(new Date(String(have)).getTime());
        case 'createdBy':
          return isEmpty(have);
        default:
          if (holdsOldValue(kind, column, have, wanted[key])) return true;
          return column.required && (column.encoding === 'actorId' || column.encoding === 'actorName') && isEmpty(have) && !isEmpty(wanted[key]);
      }
    })();
    if (broken) repair[key] = wanted[key];
  }
  return repair;
}

/** Whether the item's value is one of 2012 that reads as a different value of 2026 (legacy-values.ts). */
function holdsOldValue(kind: RecordKind, column: ListColumn, have: unknown, wanted: unknown): boolean {
  if (isEmpty(wanted)) return false;
  if (column.encoding === 'choice') {
    return isEmpty(have) ? column.required : !(column.choices ?? []).includes(String(have)) && have !== wanted;
  }
  if (column.encoding === 'json' && typeof have === 'string') {
    try {
      const value: unknown = JSON.parse(have);
      const current = withCurrentValues(kind, { [column.field]: value })[column.field];
      return JSON.stringify(current) !== JSON.stringify(value);
    } catch {
      return false;
    }
  }
  return false;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
