interface Env {
  BUCKET: R2Bucket;
}

export default {
  async fetch(request, env) {
    // GET answers the bench's readiness probe.
    if (request.method !== "POST" || !request.body) return new Response("ok");
    // The body streams straight into R2 (its Content-Length is known), nothing buffered here.
    await env.BUCKET.put(`upload-${crypto.randomUUID()}`, request.body);
    return new Response(null, { status: 201 });
  },
} satisfies ExportedHandler<Env>;
