import type { z } from 'zod';
import { recordSchemas } from '../domain/records/index.js';

/** Every record kind the store holds, with the zod schema that defines its columns. */
export const storedSchemas = recordSchemas;
export type RecordKind = keyof typeof storedSchemas & string;
export type RecordOf<K extends RecordKind> = z.infer<(typeof storedSchemas)[K]>;
export const recordKinds = Object.keys(storedSchemas) as RecordKind[];
