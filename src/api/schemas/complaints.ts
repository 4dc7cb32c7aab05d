import { z } from 'zod';
import { complaintSchema, complaintStatuses } from '../../domain/records/complaint.js';

/**
 * A complaint as the API answers it: the record, whose free text (matter, corrective actions, reply) is
 * absent for a reader who may not read it (src/app/authorize.ts readConfidential) — the summary variant.
 */
export const apiComplaintSchema = complaintSchema
  .omit({ matter: true, createdBy: true })
  .extend({ matter: complaintSchema.shape.matter.optional(), textHidden: z.boolean() });
export type ApiComplaint = z.infer<typeof apiComplaintSchema>;

export const complaintsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/** GET /api/v1/complaints: the open complaints by status, each with its next step and that step's target date. */
export const complaintBoardSchema = z.object({
  today: z.iso.date(),
  columns: z.array(
    z.object({
      status: z.enum(complaintStatuses),
      complaints: z.array(
        apiComplaintSchema.extend({
          customerName: z.string(),
          careHomeName: z.string(),
          nextStep: z.enum(complaintStatuses).optional(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  total: z.number().int(),
});
