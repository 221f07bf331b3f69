// wrangler.jsonc aliases "@better-auth/telemetry" to this module: Better Auth's telemetry is
// off unless an env variable turns it on, and the Worker has no use for it, so its code
// (about 9 KB minified) stays out of the bundle and nothing can be reported by accident.
export async function createTelemetry() {
  return { publish: async () => {} };
}

export function getTelemetryAuthConfig() {
  return {};
}
