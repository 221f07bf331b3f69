import { eventIterator } from "@orpc/server";
import { protectedProcedure } from "../procedures";
import { endOnAbort } from "../shared/end-on-abort";
import { decodeCursor } from "../shared/keyset";
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

const eventProcedure = protectedProcedure.errors({
  NOT_FOUND: { message: "That event does not exist." },
});

export const eventRouter = {
  list: protectedProcedure
    .meta({ access: "read" })
    .route({ method: "GET", path: "/events", summary: "List your upcoming or past events" })
    .errors({ BAD_REQUEST: { message: "That page cursor is not valid." } })
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
    .input(createEventSchema)
    .output(eventSchema)
    .handler(({ context, input }) =>
      service.createEvent(context.owner, service.eventValues(input)),
    ),

  update: eventProcedure
    .route({
      method: "PATCH",
      path: "/events/{id}",
      summary: "Change an event",
      description: "Send every field, as for creating: the event takes them all.",
    })
    .input(updateEventSchema)
    .output(eventSchema)
    .handler(async ({ context, input, errors }) => {
      const updated = await service.updateEvent(
        context.owner,
        input.id,
        service.eventValues(input),
      );
      if (!updated) throw errors.NOT_FOUND();
      return updated;
    }),

  delete: eventProcedure
    .route({ method: "DELETE", path: "/events/{id}", summary: "Delete an event" })
    .input(eventIdSchema)
    .output(eventIdSchema)
    .handler(async ({ context, input, errors }) => {
      const deleted = await service.deleteEvent(context.owner, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      return deleted;
    }),

  /**
   * Streams progress while it writes (an event iterator: not batchable, STACK-NOTES 20). Rows
   * come already read from the file by @checkmark/api/event-file in the browser. RPC only:
   * it has no REST route, so the OpenAPI spec leaves it out.
   */
  import: protectedProcedure
    .input(eventImportSchema)
    .output(eventIterator(eventImportProgressSchema))
    .handler(({ context, input, signal }) =>
      endOnAbort(
        importEvents(context.owner, input.rows, { signal, requestId: context.requestId }),
        signal,
      ),
    ),
};
