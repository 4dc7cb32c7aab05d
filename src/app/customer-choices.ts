import type { ActorRef, Region } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import type { CustomerName } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { allows, homesOf, personOf } from './authorize.js';

/**
 * How many customers a customer choice lists in the card itself; the rest are found by typing (the
 * choice's Data.Query, bot/search-invoke.ts). About 90 characters each: a form stays far under Teams'
 * 28 KB whatever the number of customers.
 */
export const FIRST_PAGE = 25;

/**
 * A form's customer choices: the customers of the actor's region first (a regional director's region, or
 * the region of a home director's home), then the others alphabetically, at most FIRST_PAGE. A customer
 * already chosen (a form coming back with errors, a reminder's "log the contact") is added when it is not
 * on the page, so the choice stays selected; an unknown id is not added, and the use case says so.
 */
export async function customerChoices(ctx: AppContext, actor: ActorRef, selected?: unknown): Promise<CustomerName[]> {
  const person = await personOf(ctx, actor);
  if (!allows(person, 'read')) return [];
  const region = await regionOf(ctx, person);
  return withSelected(ctx, await firstPage(ctx, region), selected);
}

/** The first page for a region (the place card's Reserve: the home's region), or alphabetical without one. */
export async function firstPage(ctx: AppContext, region: Region | undefined): Promise<CustomerName[]> {
  if (region) return (await ctx.store.queries.customersByRegion(region, FIRST_PAGE)).customers;
  return ctx.store.queries.searchCustomers('', FIRST_PAGE, 0);
}

/** The page with the chosen customer first when it is a customer not already listed. */
export async function withSelected(ctx: AppContext, page: CustomerName[], selected: unknown): Promise<CustomerName[]> {
  if (typeof selected !== 'string' || selected === '' || page.some((c) => c.id === selected)) return page;
  const customer = await ctx.store.records.get('customer', selected);
  return customer ? [{ id: customer.id, name: customer.name, region: customer.region }, ...page] : page;
}

async function regionOf(ctx: AppContext, person: Person | undefined): Promise<Region | undefined> {
  if (!person) return undefined;
  if (person.region) return person.region;
  const homeIds = homesOf(person);
  if (homeIds.length === 0) return undefined;
  return (await ctx.store.queries.careHomes()).find((h) => homeIds.includes(h.id))?.region;
}
