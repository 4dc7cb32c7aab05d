import type { RecordWrite } from '../store-port.js';
export function demoCustomers(_meta: object): { writes: RecordWrite[]; customers: number; contacts: number } {
  return { writes: [], customers: 0, contacts: 0 };
}
