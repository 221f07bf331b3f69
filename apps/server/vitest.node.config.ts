import { defineConfig } from "vitest/config";

// Tests that need Node rather than workerd: the OpenAPI validator reads its schemas from disk.
export default defineConfig({
  test: { include: ["test-node/**/*.test.ts"] },
});
