import { createAuthClient } from "better-auth/react";

// Same-origin: the web Worker forwards /api/auth to the server Worker.
export const authClient = createAuthClient();
