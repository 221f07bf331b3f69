import { REMINDER_MINUTES_OPTIONS } from "@checkmark/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "../../../components/alert";
import { fieldInputClass, LabelledField } from "../../../components/labelled-field";
import { SuccessNote } from "../../../components/success-note";
import { orpc } from "../../../lib/orpc";
import { SettingsCard } from "./-settings-card";

function describe(minutes: number) {
  if (minutes % 1440 === 0)
    return minutes === 1440 ? "1 day before" : `${minutes / 1440} days before`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour before" : `${minutes / 60} hours before`;
  return `${minutes} minutes before`;
}

/** Event reminders by mail: off, or a fixed time before each event starts. */
export function ReminderSection() {
  const queryClient = useQueryClient();
  const setting = useQuery(orpc.reminder.setting.queryOptions());
  const update = useMutation(
    orpc.reminder.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(orpc.reminder.setting.queryKey(), saved),
    }),
  );
  const current = update.isPending ? update.variables.minutesBefore : setting.data?.minutesBefore;

  return (
    <SettingsCard
      title="Event reminders"
      description="We mail you before each of your events starts. Events that start sooner than that when you add them get no reminder."
    >
      {setting.isPending && <p className="mt-4 text-sm text-ink-muted">Loading…</p>}
      {setting.isError && (
        <div className="mt-4">
          <Alert>
            Your reminder setting could not be loaded.{" "}
            <button type="button" className="underline" onClick={() => void setting.refetch()}>
              Retry
            </button>
          </Alert>
        </div>
      )}
      {setting.isSuccess && (
        <div className="mt-4">
          <LabelledField label="Remind me" errors={[]}>
            {(control) => (
              <select
                {...control}
                className={fieldInputClass}
                value={current === null || current === undefined ? "off" : String(current)}
                disabled={update.isPending}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  update.mutate({ minutesBefore: value === "off" ? null : Number(value) });
                }}
              >
                <option value="off">Never (reminders off)</option>
                {REMINDER_MINUTES_OPTIONS.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {describe(minutes)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
      )}
      {/* The select saves as it changes, so the page says that it did. */}
      {update.isSuccess && (
        <div className="mt-4">
          <SuccessNote>
            {update.data.minutesBefore === null
              ? "Saved: reminders are off."
              : `Saved: a reminder ${describe(update.data.minutesBefore)} each event.`}
          </SuccessNote>
        </div>
      )}
      {update.isError && (
        <div className="mt-4">
          <Alert>Your reminder setting was not saved. Try again.</Alert>
        </div>
      )}
    </SettingsCard>
  );
}
