import type { CareHome } from '../../../domain/records/care-home.js';
import type { CustomerGroup, Region, ServiceType } from '../../../domain/records/common.js';
import { largeId, metaOn, type GenContext } from './context.js';
import type { PlaceName } from './names.js';
import { REGION_WEIGHTS, splitByWeight } from './sizes.js';

/** A home's units: which service type for which customer group (the mixes the small demo's homes have). */
export const UNIT_MIXES: readonly (readonly [ServiceType, CustomerGroup][])[] = [
  [['ymparivuorokautinen', 'ikaantyneet']],
  [['ymparivuorokautinen', 'ikaantyneet'], ['lyhytaikainen', 'ikaantyneet']],
  [['ymparivuorokautinen', 'ikaantyneet'], ['yhteisollinen', 'mielenterveys']],
  [['yhteisollinen', 'mielenterveys']],
  [['yhteisollinen', 'mielenterveys'], ['ymparivuorokautinen', 'mielenterveys']],
  [['ymparivuorokautinen', 'ikaantyneet'], ['yhteisollinen', 'ikaantyneet']],
];

export interface GeneratedHome {
  home: CareHome;
  units: readonly (readonly [ServiceType, CustomerGroup])[];
}

/** `count` homes over the three regions in the company's proportions, named "Palvelukoti <fictional place>". */
export function generateHomes(ctx: GenContext, count: number, names: readonly PlaceName[]): GeneratedHome[] {
  const perRegion = splitByWeight(count, REGION_WEIGHTS.map(([, w]) => w));
  const regions: Region[] = REGION_WEIGHTS.flatMap(([region], i) => Array<Region>(perRegion[i]!).fill(region));
  return regions.map((region, i) => {
    const name = names[i % names.length]!;
    const units = ctx.prng.pick(UNIT_MIXES);
    const home: CareHome = {
      // The homes have been in the company for years: their records date from the start of the history.
      ...metaOn(ctx, '2020-01-02', 'large-seed'),
      id: largeId('home', i),
      // More homes than names only past 50× scale: a number keeps the names unique.
      name: `Palvelukoti ${name.nominative}${i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : ''}`,
      region,
      city: ctx.prng.pick(names).nominative,
      serviceTypes: [...new Set(units.map((u) => u[0]))],
      customerGroups: [...new Set(units.map((u) => u[1]))],
    };
    return { home, units };
  });
}
