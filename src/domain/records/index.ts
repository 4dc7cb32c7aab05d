// TEMPORARY (lead): replaced by the full index from the schema work.
import { careHomeSchema } from './care-home.js';
import { placeSchema } from './place.js';
export const recordSchemas = { careHome: careHomeSchema, place: placeSchema } as const;
