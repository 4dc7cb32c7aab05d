import type { ContactName } from '../store/record-queries.js';

/** An official as every choice shows them: "Name – Customer" (the form's first page and the search alike). */
export function contactTitle(contact: ContactName): string {
  return `${contact.name} – ${contact.customerName}`;
}
