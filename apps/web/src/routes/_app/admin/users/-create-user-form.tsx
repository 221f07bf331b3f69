import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { cardClass } from "../../../../components/page";
import { SubmitButton } from "../../../../components/submit-button";
import { orpc } from "../../../../lib/orpc";

/** A confirmed account without a password: the person gets the set-your-password mail. */
export function CreateUserForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(
    orpc.admin.users.create.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: orpc.admin.key() });
        await navigate({ to: "/admin/users/$userId", params: { userId: user.id } });
      },
    }),
  );
  return (
    <details className={`mt-6 p-4 ${cardClass}`}>
      <summary className="cursor-pointer text-sm font-medium">Create a user</summary>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ email, name });
        }}
      >
        <label className="grid gap-1 text-sm">
          Email
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="rounded-lg border border-line-strong px-3 py-2"
          />
        </label>
        <label className="grid gap-1 text-sm">
          Name
          <input
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="rounded-lg border border-line-strong px-3 py-2"
          />
        </label>
        <SubmitButton
          disabled={create.isPending}
          className="rounded-lg bg-accent-solid px-4 py-2 text-sm font-medium text-white hover:bg-accent-solid-hover disabled:opacity-50"
        >
          Create and mail a link
        </SubmitButton>
      </form>
      {create.error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {create.error.message}
        </p>
      )}
      <p className="mt-2 text-xs text-ink-muted">
        The account is confirmed at once; the person sets a password from the mailed link.
      </p>
    </details>
  );
}
