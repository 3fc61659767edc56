import { z } from "zod";

/** Why an admin acted: mandatory on every audited action, kept in the audit log. */
export const auditReasonSchema = z
  .string()
  .trim()
  .min(3, "Give a reason (at least 3 characters).")
  .max(500);
