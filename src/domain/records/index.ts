import { agreementSchema } from './agreement.js';
import { careHomeSchema } from './care-home.js';
import { complaintSchema } from './complaint.js';
import { contactLogEntrySchema } from './contact-log-entry.js';
import { contactSchema } from './contact.js';
import { customerPlanSchema } from './customer-plan.js';
import { customerSchema } from './customer.js';
import { developmentMeetingSchema } from './development-meeting.js';
import { homeEventSchema } from './home-event.js';
import { noteSchema } from './note.js';
import { personSchema } from './person.js';
import { placeSchema } from './place.js';
import { supervisionVisitSchema } from './supervision-visit.js';

export * from './agreement.js';
export * from './care-home.js';
export * from './common.js';
export * from './complaint.js';
export * from './contact-log-entry.js';
export * from './contact.js';
export * from './customer-plan.js';
export * from './customer.js';
export * from './development-meeting.js';
export * from './home-event.js';
export * from './legacy-values.js';
export * from './note.js';
export * from './person.js';
export * from './place.js';
export * from './privacy.js';
export * from './supervision-visit.js';

/** Every record kind with the schema that defines it: storage columns and lists derive from this map. */
export const recordSchemas = {
  customer: customerSchema,
  contact: contactSchema,
  agreement: agreementSchema,
  careHome: careHomeSchema,
  place: placeSchema,
  contactLogEntry: contactLogEntrySchema,
  supervisionVisit: supervisionVisitSchema,
  homeEvent: homeEventSchema,
  developmentMeeting: developmentMeetingSchema,
  complaint: complaintSchema,
  customerPlan: customerPlanSchema,
  person: personSchema,
  note: noteSchema,
} as const;
