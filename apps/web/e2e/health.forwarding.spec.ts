import { expect, test } from "./fixtures";

// The server Worker has no public URL, so the deploy's smoke check asks the web origin for
// /health: the answer proves the web Worker, its SERVER binding, the server and its D1.
test("/health on the web origin is the server's health check, through the service binding", async ({
  request,
}) => {
  const response = await request.get("/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  // Set by the server's pipeline, so the answer came from the server Worker itself.
  expect(response.headers()["x-request-id"]).toMatch(/\S/);
});
