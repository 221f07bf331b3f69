import { schema } from "@checkmark/db";
import { createInsertSchema, createSelectSchema } from "drizzle-zod";
import { z } from "zod";

/** What a browser may report: bounded, so a report can never be a way to fill the database. */
export const frontendErrorReportSchema = createInsertSchema(schema.frontendError, {
  // Factories, not `(s) => s.max()`: drizzle-zod types a refined text column as Buffer.
  message: () => z.string().trim().min(1).max(1000),
  stack: () => z.string().max(8000),
  // Pages are http(s); the service keeps only their origin and path.
  url: () => z.url({ protocol: /^https?$/ }).max(2000),
}).pick({ message: true, stack: true, url: true });

export const frontendErrorSchema = createSelectSchema(schema.frontendError);

export type FrontendErrorReport = z.infer<typeof frontendErrorReportSchema>;
