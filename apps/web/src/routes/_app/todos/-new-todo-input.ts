/** What the new-todo form holds: its two fields as typed. */
export interface NewTodoFields {
  text: string;
  dueDate: string;
}

/** A new todo the server refused when the form came as a plain POST, with what was typed. */
export interface RefusedTodo extends NewTodoFields {
  textError?: string;
  dueDateError?: string;
  /** Why, when it was not about a field (rate limit, server fault). */
  message?: string;
}

/** The `todo.create` input from the form's fields, the same whether a script sent them or not. */
export const newTodoInput = (fields: NewTodoFields) => ({
  text: fields.text.trim(),
  dueDate: fields.dueDate || undefined,
});
