import type { CareHome } from '../domain/records/care-home.js';
import { regions, type Region } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, may, permissions, roleScopes } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';

/** Whose figures an answer holds: how far the reader's role reaches, the homes counted, the customers' regions. */
export interface FiguresScope {
  kind: 'home' | 'region' | 'company';
  /** The homes of a home-scoped reader (empty for a region or the company: the regions say it). */
  careHomes: { id: string; name: string }[];
  regions: Region[];
}

/** The homes and customers' regions whose figures a person may read (readFigures), narrowed to a region if asked. */
export interface FiguresReach {
  scope: FiguresScope;
  /** The homes whose places and complaints count. */
  homes: CareHome[];
  /** The regions whose customers are listed. */
  customerRegions: readonly Region[];
}

const widest = ['home', 'region', 'company'] as const;

/**
 * Who sees which figures (src/app/authorize.ts readFigures): a home director and head nurse their own homes'
 * places and complaints, a regional director the region's, the company-wide roles every home. Customers are
 * listed by region — a customer relationship belongs to no single home — so a home's people see the customers
 * of their homes' region, with the numbers of their own homes only. Each home is decided by `allows`, exactly
 * as a write to it would be. `region`: only that region's homes and customers; outside the scope it is refused.
 */
export async function figuresReach(ctx: AppContext, person: Person | undefined, region: Region | undefined): Promise<UseCaseResult<FiguresReach>> {
  const homes = (await ctx.store.queries.careHomes()).filter((h) => allows(person, 'readFigures', homeScope(h)));
  // Refused as any other action: not on the people list, no role that reads figures, or a role with no home here.
  const decision = may(person, 'readFigures', homes[0] ? homeScope(homes[0]) : undefined);
  if (!decision.ok) return forbidden(decision);
  const roles: readonly string[] = permissions.readFigures;
  const kind = decision.person.roles
    .filter((role) => roles.includes(role))
    .map((role) => roleScopes[role])
    .reduce<FiguresScope['kind']>((a, b) => (widest.indexOf(b) > widest.indexOf(a) ? b : a), 'home');
  const inScope = kind === 'company' ? [...regions] : regions.filter((r) => homes.some((h) => h.region === r));
  if (region && !inScope.includes(region)) return forbidden({ message: 'auth.outOfScope', roles: permissions.readFigures, params: { where: region } });
  const reached = region ? homes.filter((h) => h.region === region) : homes;
  const customerRegions = region ? [region] : inScope;
  return {
    ok: true,
    duplicate: false,
    // Only a home's people get their homes named: a region's or the company's list would grow with the company.
    value: { scope: { kind, careHomes: kind === 'home' ? reached.map((h) => ({ id: h.id, name: h.name })) : [], regions: [...customerRegions] }, homes: reached, customerRegions },
  };
}
