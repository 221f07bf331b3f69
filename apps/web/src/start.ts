import { createStart } from "@tanstack/react-start";
import { rpcErrorHydration } from "./lib/rpc-error-hydration";

// Start's own options for this app (Start finds this file by its name).
export const startInstance = createStart(() => ({ serializationAdapters: [rpcErrorHydration] }));
