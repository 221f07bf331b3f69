const body = JSON.stringify({ status: "ok" });

export default {
  fetch: () => new Response(body, { headers: { "content-type": "application/json" } }),
} satisfies ExportedHandler;
