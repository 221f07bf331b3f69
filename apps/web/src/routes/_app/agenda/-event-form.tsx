import { type Event, eventFieldsSchema } from "@checkmark/api/schemas";
import { revalidateLogic } from "@tanstack/react-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useHydrated, useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { secondaryButton } from "../../../components/button-styles";
import { useAppForm } from "../../../components/form";
import { CheckboxField, SelectField, TextAreaField } from "../../../components/form-fields";
import { fieldIssues } from "../../../lib/field-issues";
import { notifyFailure, notifyRpcFailure, notifySuccess } from "../../../lib/notify";
import { orpc } from "../../../lib/orpc";
import { describeRpcError } from "../../../lib/rpc-error";
import { wallClock } from "../../../lib/zoned-time";
import { eventQuery, resetEventLists } from "./-queries";

export interface EventFormValues {
  title: string;
  description: string;
  location: string;
  allDay: boolean;
  timeZone: string;
  start: string;
  end: string;
}

const HOUR_MS = 3_600_000;

/** A new event: the next full hour, for an hour, in `timeZone` (the viewer's). */
export function newEventValues(now: Date, timeZone: string): EventFormValues {
  const nextHour = new Date(Math.ceil((now.getTime() + 1) / HOUR_MS) * HOUR_MS);
  return {
    title: "",
    description: "",
    location: "",
    allDay: false,
    timeZone,
    start: wallClock(nextHour, timeZone),
    end: wallClock(new Date(nextHour.getTime() + HOUR_MS), timeZone),
  };
}

/** A stored event as its form shows it (the server already sends wall-clock times). */
export const eventValues = (event: Event): EventFormValues => ({
  title: event.title,
  description: event.description ?? "",
  location: event.location ?? "",
  allDay: event.allDay,
  timeZone: event.timeZone,
  start: event.start,
  end: event.end,
});

/**
 * Every zone this browser knows, with the event's own first if the list lacks it. Until the
 * page has hydrated, only the event's own: the server's Intl knows another list of zones.
 */
function useTimeZones(current: string) {
  const hydrated = useHydrated();
  return useMemo(() => {
    if (!hydrated) return [current];
    const zones = Intl.supportedValuesOf("timeZone");
    return zones.includes(current) ? zones : [current, ...zones];
  }, [current, hydrated]);
}

/** Start and end labels, timed and all day. */
const TIME_LABELS = { start: ["Starts", "First day"], end: ["Ends", "Last day"] } as const;

const FIELD_NAMES = ["title", "description", "location", "allDay", "timeZone", "start", "end"];
const isFieldName = (name: string): name is keyof EventFormValues => FIELD_NAMES.includes(name);

/**
 * The server's own rules (end after start, a real zone, no time the clocks skip), each
 * message on its field.
 */
function checkEvent(value: EventFormValues) {
  const result = eventFieldsSchema.safeParse(value);
  if (result.success) return undefined;
  const fields: Partial<Record<keyof EventFormValues, string>> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]);
    if (isFieldName(name)) fields[name] ??= issue.message;
  }
  return { fields };
}

/** The newer copy's time, when the server refused an edit made from an older one. */
function changedSince(error: unknown): Date | null {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: { updatedAt?: unknown } };
  const updatedAt = data?.updatedAt;
  return code === "CONFLICT" && updatedAt ? new Date(updatedAt as string | Date) : null;
}

/**
 * Creates an event, or (with `id`) replaces one; then back to the agenda. An edit names the
 * copy it was opened on (`updatedAt`): changed since (another tab, a script), the server
 * refuses it, the form keeps what was typed, and saving again replaces that version
 * (docs/decisions/143).
 */
export function EventForm(props: { initial: EventFormValues; id?: string; updatedAt?: Date }) {
  const [base, setBase] = useState(props.updatedAt);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSuccess = async (saved: Event) => {
    queryClient.setQueryData(eventQuery(saved.id).queryKey, saved);
    await resetEventLists(queryClient);
  };
  const create = useMutation(orpc.event.create.mutationOptions({ onSuccess }));
  const update = useMutation(orpc.event.update.mutationOptions({ onSuccess }));
  const timeZones = useTimeZones(props.initial.timeZone);

  const form = useAppForm({
    defaultValues: props.initial,
    validationLogic: revalidateLogic(),
    validators: { onDynamic: ({ value }) => checkEvent(value) },
    onSubmit: async ({ value, formApi }) => {
      try {
        if (props.id) {
          const saved = await update.mutateAsync({ ...value, id: props.id, updatedAt: base });
          setBase(saved.updatedAt);
        } else await create.mutateAsync(value);
        notifySuccess(props.id ? "Event saved." : "Event added.");
        await navigate({ to: "/agenda" });
      } catch (error) {
        // The server's word on a field goes next to that field, until the form is sent again.
        const issues = fieldIssues(error);
        for (const [name, message] of issues) {
          if (!isFieldName(name)) continue;
          formApi.setFieldMeta(name, (meta) => ({
            ...meta,
            errorMap: { ...meta.errorMap, onServer: message },
          }));
        }
        const newer = changedSince(error);
        if (newer) {
          setBase(newer);
          notifyFailure(
            `${describeRpcError(error, "")} Save again to replace that version with yours.`,
          );
        } else if (issues.size > 0) notifyFailure("Check the fields marked in red.");
        else notifyRpcFailure(error, "The event was not saved.");
      }
    },
  });
  // An untouched form takes a refetched event's values (TanStack Form's update()); the copy it
  // names on save must be that one too, or the first save would meet a needless conflict.
  const refetchedAt = props.updatedAt?.getTime();
  useEffect(() => {
    if (refetchedAt !== undefined && !form.state.isTouched) setBase(new Date(refetchedAt));
  }, [refetchedAt, form]);

  /** Switching all day on keeps the dates; off, it gives them office hours to start from. */
  const onAllDayChange = (allDay: boolean) => {
    const { start, end } = form.state.values;
    form.setFieldValue("start", allDay ? start.slice(0, 10) : `${start.slice(0, 10)}T09:00`);
    form.setFieldValue("end", allDay ? end.slice(0, 10) : `${end.slice(0, 10)}T10:00`);
  };

  return (
    <form.AppForm>
      <form.Form className="space-y-4">
        <form.AppField name="title">{(field) => <field.TextField label="Title" />}</form.AppField>
        <form.AppField name="allDay">
          {() => <CheckboxField label="All day" onChange={onAllDayChange} />}
        </form.AppField>
        <form.Subscribe selector={(state) => state.values.allDay}>
          {(allDay) => (
            <div className="grid gap-4 sm:grid-cols-2">
              {(["start", "end"] as const).map((name) => (
                <form.AppField key={name} name={name}>
                  {(field) => (
                    <field.TextField
                      label={TIME_LABELS[name][allDay ? 1 : 0]}
                      type={allDay ? "date" : "datetime-local"}
                    />
                  )}
                </form.AppField>
              ))}
            </div>
          )}
        </form.Subscribe>
        <form.AppField name="timeZone">
          {() => <SelectField label="Time zone" options={timeZones} />}
        </form.AppField>
        <form.AppField name="location">
          {(field) => <field.TextField label="Location (optional)" />}
        </form.AppField>
        <form.AppField name="description">
          {() => <TextAreaField label="Description (optional)" rows={4} />}
        </form.AppField>
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Link to="/agenda" className={secondaryButton()}>
            Cancel
          </Link>
          <div className="sm:w-40">
            <form.SubmitButton pendingLabel="Saving…">
              {props.id ? "Save event" : "Add event"}
            </form.SubmitButton>
          </div>
        </div>
      </form.Form>
    </form.AppForm>
  );
}
