import { eventIterator } from "@orpc/server";
import { deleteObjects } from "../attachment/delete-objects";
import { objectKeysOf } from "../attachment/service";
import { bulkWriteBudget, ownedThingProcedure, protectedProcedure } from "../procedures";
import { findEventReminder } from "../reminder/schedule";
import { endOnAbort, thenFinally } from "../shared/end-on-abort";
import { decodeCursor } from "../shared/keyset";
import { atLimit, limitReachedError } from "../shared/row-cap";
import { rowLimits } from "../shared/row-limits";
import { staleEditError } from "../shared/stale-edit";
import { importEvents } from "./import";
import { eventImportProgressSchema, eventImportSchema } from "./import-row";
import {
  createEventSchema,
  eventIdSchema,
  eventPageSchema,
  eventSchema,
  listEventsSchema,
  updateEventSchema,
} from "./schema";
import * as service from "./service";

const eventProcedure = ownedThingProcedure("event");

export const eventRouter = {
  list: protectedProcedure
    .meta({ access: "read" })
    .route({ method: "GET", path: "/events", summary: "List your upcoming or past events" })
    .errors({
      BAD_REQUEST: {
        message: "That page cursor is not valid: pass a nextCursor of this list, with its `when`.",
      },
    })
    .input(listEventsSchema)
    .output(eventPageSchema)
    .handler(async ({ context, input, errors }) => {
      const after = input.cursor
        ? decodeCursor(input.cursor, input.when, service.eventCursorKeySchema)
        : null;
      if (input.cursor && !after) throw errors.BAD_REQUEST();
      return service.listEvents(context.owner, {
        from: input.from ?? new Date(),
        when: input.when,
        limit: input.limit,
        after,
      });
    }),

  get: eventProcedure
    .meta({ access: "read" })
    .route({ method: "GET", path: "/events/{id}", summary: "Get an event" })
    .input(eventIdSchema)
    .output(eventSchema)
    .handler(async ({ context, input, errors }) => {
      const found = await service.getEvent(context.owner, input.id);
      if (!found) throw errors.NOT_FOUND();
      return found;
    }),

  create: protectedProcedure
    .route({ method: "POST", path: "/events", successStatus: 201, summary: "Create an event" })
    .errors({ LIMIT_REACHED: limitReachedError })
    .input(createEventSchema)
    .output(eventSchema)
    .handler(async ({ context, input, errors }) => {
      const created = await service.createEvent(context.owner, service.eventValues(input));
      if (!created) {
        const advice = "Delete some past ones to add more.";
        throw errors.LIMIT_REACHED(atLimit(rowLimits.events, "events", advice));
      }
      await context.reminders.eventChanged(context.user.id, created.id);
      context.changed(context.user.id, "events");
      return created;
    }),

  update: eventProcedure
    .route({
      method: "PATCH",
      path: "/events/{id}",
      summary: "Change an event",
      description:
        "Send every field, as for creating: the event takes them all. Add the updatedAt you read to be refused (409) rather than overwrite a change made since.",
    })
    .errors({ CONFLICT: staleEditError("event") })
    .input(updateEventSchema)
    .output(eventSchema)
    .handler(async ({ context, input, errors }) => {
      const { id, updatedAt } = input;
      const values = service.eventValues(input);
      const updated = await service.updateEvent(context.owner, id, values, updatedAt);
      if (!updated) {
        const current = updatedAt && (await service.getEvent(context.owner, id));
        if (current) throw errors.CONFLICT({ data: { updatedAt: current.updatedAt } });
        throw errors.NOT_FOUND();
      }
      await context.reminders.eventChanged(context.user.id, updated.id);
      context.changed(context.user.id, "events");
      return updated;
    }),

  delete: eventProcedure
    .route({ method: "DELETE", path: "/events/{id}", summary: "Delete an event" })
    .input(eventIdSchema)
    .output(eventIdSchema)
    .handler(async ({ context, input, errors }) => {
      // The files' and reminder's rows go with the event (cascade); read what they point at
      // first. An object left if this fails goes with the hourly orphan sweep; an instance
      // left running finds no row naming it and mails nothing.
      const parent = { type: "event", id: input.id } as const;
      const objectKeys = await objectKeysOf(context.db, context.user.id, parent);
      const reminder = await findEventReminder(context.db, context.user.id, input.id);
      const deleted = await service.deleteEvent(context.owner, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      await deleteObjects(context.files, objectKeys);
      if (reminder) await context.reminders.eventDeleted(reminder.instanceId);
      context.changed(context.user.id, "events");
      return deleted;
    }),

  /**
   * Streams progress while it writes (an event iterator: not batchable, STACK-NOTES 20). Rows
   * come already read from the file by @checkmark/api/event-file in the browser. RPC only:
   * it has no REST route, so the OpenAPI spec leaves it out. The bulk budget is spent before
   * the stream starts: a refusal is a plain typed 429, and nothing is written.
   */
  import: protectedProcedure
    .errors({ LIMIT_REACHED: limitReachedError })
    .input(eventImportSchema)
    .use(bulkWriteBudget("import"))
    .output(eventIterator(eventImportProgressSchema))
    .handler(async ({ context, input, signal, errors }) => {
      return endOnAbort(
        // Also when cut short: whole batches may have been written by then.
        thenFinally(
          importEvents(context.owner, input.rows, {
            signal,
            requestId: context.requestId,
            overLimit: () => {
              const figure = rowLimits.events.toLocaleString("en-US");
              const message = `This file would take you past ${figure} events, the most one account may hold. Nothing was imported; delete some events or import a smaller file.`;
              return errors.LIMIT_REACHED({ message, data: { limit: rowLimits.events } });
            },
          }),
          () => {
            context.changed(context.user.id, "events");
            context.reminders.eventsImported(context.user.id);
          },
        ),
        signal,
      );
    }),
};
