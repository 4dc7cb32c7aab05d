import { placeStatuses } from '../../domain/records/place.js';
import type { RecordKind } from '../record-kinds.js';
import { listDefinitionOf, type ListDefinition } from './list-schema.js';

/**
 * The list views people use in SharePoint (issue 4: "useful views"). Microsoft Graph has no API for list
 * views, so provisioning creates them with the SharePoint REST API (sharepoint-rest.ts) — a view is its
 * CAML query (`ViewQuery`: Where / OrderBy / GroupBy) and the columns it shows (`ViewFields`).
 *
 * A view is created once and then left alone: people tune views in SharePoint (columns, sorting), and
 * provisioning must not undo that — it only adds a view whose title the list lacks.
 *
 * Large lists: SharePoint serves a view of a list beyond 5,000 items only if its first filter narrows on an
 * indexed column. Each Where below starts on an indexed column (Status, NextContactDate).
 *
 * "Asiakkaat ilman yhteydenottoa 14 pv" (customers without a contact for 14 days) cannot be a view: it asks
 * for customers with NO contact-log item in the last 14 days, and CAML has no anti-join or per-group filter
 * (list joins only follow a lookup from child to parent; aggregations only decorate group headers).
 * The Monday digest already reports exactly that list. What a view can show is the next best thing, and
 * says so in its title: the contact log grouped by customer, newest first, so the first row under each
 * customer is its latest contact and an old one stands out. (A customer with no entry at all is not in it.)
 */
export interface ListViewDefinition {
  kind: RecordKind;
  title: string;
  /** Internal names of the columns shown, in order (`LinkTitle` = Title with the item menu). */
  viewFields: string[];
  /** CAML, without the <View>/<Query> wrapper: what SharePoint keeps as the view's ViewQuery. */
  query: string;
  rowLimit: number;
}

const today = (offsetDays = 0) => (offsetDays ? `<Today OffsetDays="${offsetDays}" />` : '<Today />');

/** A withdrawn entry (issue 11, `omat` → Peru) stays in its list but leaves the views, as it leaves the bot's. */
const notWithdrawn = '<IsNull><FieldRef Name="WithdrawnAt" /></IsNull>';

/** Places free now or freeing, grouped by home, soonest first (the `paikat` command's view). */
const freePlaces: ListViewDefinition = {
  kind: 'place',
  title: 'Vapaat paikat',
  viewFields: ['LinkTitle', 'CareHome', 'Status', 'FreeFrom', 'ServiceType', 'CustomerGroup', 'Note'],
  query:
    '<GroupBy Collapse="FALSE" GroupLimit="100"><FieldRef Name="CareHome" /></GroupBy>' +
    '<OrderBy><FieldRef Name="FreeFrom" Ascending="TRUE" /></OrderBy>' +
    `<Where><And><In><FieldRef Name="Status" /><Values>${placeStatuses
      .filter((s) => s === 'vapaa' || s === 'vapautuu')
      .map((s) => `<Value Type="Choice">${s}</Value>`)
      .join('')}</Values></In>${notWithdrawn}</And></Where>`,
  rowLimit: 100,
};

/** Complaints not yet closed, grouped by handling step, oldest first. */
const openComplaints: ListViewDefinition = {
  kind: 'complaint',
  title: 'Avoimet reklamaatiot',
  viewFields: ['LinkTitle', 'Customer', 'CareHome', 'ReceivedDate', 'Severity', 'Status', 'NextStepDue'],
  query:
    '<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="Status" /></GroupBy>' +
    '<OrderBy><FieldRef Name="ReceivedDate" Ascending="TRUE" /></OrderBy>' +
    `<Where><And><Neq><FieldRef Name="Status" /><Value Type="Choice">suljettu</Value></Neq>${notWithdrawn}</And></Where>`,
  rowLimit: 100,
};

/**
 * Next contacts due from today to a week ahead. CAML knows <Today> with an offset but no calendar week, so
 * "this week" is the coming seven days (overdue ones show in the Monday digest and the reminders).
 */
const contactsThisWeek: ListViewDefinition = {
  kind: 'contactLogEntry',
  title: 'Yhteydenotot tällä viikolla',
  viewFields: ['LinkTitle', 'Customer', 'NextContactDate', 'NextContactTopic', 'RecordedByName'],
  query:
    '<OrderBy><FieldRef Name="NextContactDate" Ascending="TRUE" /></OrderBy>' +
    '<Where><And>' +
    `<Geq><FieldRef Name="NextContactDate" /><Value Type="DateTime">${today()}</Value></Geq>` +
    `<Leq><FieldRef Name="NextContactDate" /><Value Type="DateTime">${today(6)}</Value></Leq>` +
    '</And></Where>',
  rowLimit: 100,
};

/** See the header: the stand-in for "customers without a contact for 14 days". */
const latestContactByCustomer: ListViewDefinition = {
  kind: 'contactLogEntry',
  title: 'Viimeisin yhteydenotto asiakkaittain',
  viewFields: ['LinkTitle', 'Customer', 'Date', 'Type', 'RecordedByName'],
  query:
    '<GroupBy Collapse="FALSE" GroupLimit="100"><FieldRef Name="Customer" /></GroupBy>' +
    '<OrderBy><FieldRef Name="Date" Ascending="FALSE" /></OrderBy>',
  rowLimit: 100,
};

export const listViews: readonly ListViewDefinition[] = [freePlaces, openComplaints, contactsThisWeek, latestContactByCustomer];

/** Columns a view may show besides the list's own: SharePoint's built-ins. */
const builtInViewFields = new Set(['LinkTitle', 'LinkTitleNoMenu', 'Title', 'ID', 'Created', 'Modified', 'Author', 'Editor']);

/** Every column a view names (shown, filtered, sorted, grouped) that its list does not have. */
export function unknownViewColumns(view: ListViewDefinition, definition: ListDefinition = listDefinitionOf(view.kind)): string[] {
  const columns = new Set(definition.columns.map((c) => c.name));
  const named = [...view.viewFields, ...[...view.query.matchAll(/FieldRef Name="([^"]+)"/g)].map((m) => m[1]!)];
  return [...new Set(named)].filter((n) => !columns.has(n) && !builtInViewFields.has(n));
}
