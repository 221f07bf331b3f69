import { cloudflare } from "@cloudflare/vite-plugin";
import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import viteReact from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { apiDocsAsset } from "./build/api-docs-asset";
import { lazyServerFnFetcher } from "./build/lazy-server-fn-fetcher";
import { sonnerStyleHashes } from "./build/sonner-style-hash";

const apiDocs = apiDocsAsset();

// What every page runs on, from node_modules: the router, Start's client, the query cache and
// the oRPC client.
const framework = [
  "@orpc",
  "@tanstack/(history|store|react-store|router-core|react-router|start-client-core|react-start|react-start-client|query-core|react-query|router-ssr-query-core|react-router-ssr-query)",
  "react",
  "scheduler",
  "use-sync-external-store",
];

// Client chunks (docs/decisions/085). React DOM alone: it is the biggest piece, changes only
// with React, and with the entry it made one chunk of nearly 100 KiB gzip. The framework in one
// chunk (it joins the entry) instead of a dozen small shared ones: one file compresses better,
// about 4 KiB gzip less on a first visit.
const frameworkModule = new RegExp(`node_modules[\\\\/](${framework.join("|")})[\\\\/]`);
// Start's server-function fetcher and the serializer it brings (seroval, the router's serializer
// plugins): loaded on a server function's first call (build/lazy-server-fn-fetcher.ts), so they
// stay out of the framework group, which would pull them into the entry.
const onDemand =
  /[\\/](start-client-core[\\/]dist[\\/]esm[\\/](client-rpc[\\/]|getDefaultSerovalPlugins)|router-core[\\/]dist[\\/]esm[\\/]ssr[\\/]serializer[\\/])/;
const clientChunks = [
  { name: "react-dom", test: /node_modules[\\/]react-dom[\\/]/ },
  { name: "framework", test: (id: string) => frameworkModule.test(id) && !onDemand.test(id) },
];

export default defineConfig({
  server: { port: 3001, strictPort: true },
  // For the page CSP (src/security-headers.ts): the toast library's own stylesheet, by hash.
  // And where the /api/docs page finds Scalar's browser build (src/api-docs.ts).
  define: {
    __TOAST_STYLE_HASHES__: JSON.stringify(sonnerStyleHashes()),
    __API_DOCS_SCRIPT_URL__: JSON.stringify(apiDocs.url),
  },
  preview: { port: 3001, strictPort: true },
  // React's Node build of the server renderer, not its edge build (docs/decisions/096): the
  // edge build turns every attribute name and value into its own Uint8Array with
  // TextEncoder.encode, a third of a /todos render's CPU in workerd; the Node build writes
  // strings into shared 4 KiB buffers (encodeInto). Both have renderToReadableStream; the Node
  // one needs nodejs_compat (util, crypto, async_hooks, stream), which this Worker has. Only the
  // Worker imports react-dom/server.
  //
  // And the store hook TanStack's packages share, without its shim for Reacts before 18: this
  // React has useSyncExternalStore, so the shim only added a fallback that never runs.
  resolve: {
    alias: [
      { find: /^react-dom\/server$/, replacement: "react-dom/server.node" },
      {
        find: /^use-sync-external-store\/shim\/with-selector$/,
        replacement: "use-sync-external-store/with-selector",
      },
    ],
  },
  // The Worker's SSR bundle is minified like the client's: less to upload and to parse at
  // startup. Vite leaves server builds unminified by default.
  environments: {
    ssr: { build: { minify: true } },
    client: { build: { rolldownOptions: { output: { codeSplitting: { groups: clientChunks } } } } },
  },
  plugins: [
    // The SERVER service binding resolves to the `wrangler dev` server on :3000 through
    // Miniflare's dev registry, so one process owns local D1.
    cloudflare({
      viteEnvironment: { name: "ssr" },
      persistState: { path: "../../.wrangler/state" },
    }),
    tailwindcss(),
    tanstackStart({
      // A page's loader goes into its page's chunk (the router's default splits only the
      // component): route definitions stay in the entry, so what a loader imports (the
      // agenda's time zone library, say) would load on every page (docs/decisions/085).
      router: {
        codeSplittingOptions: {
          defaultBehavior: [
            ["loader", "component"],
            ["pendingComponent"],
            ["errorComponent"],
            ["notFoundComponent"],
          ],
        },
      },
    }),
    viteReact(),
    apiDocs.plugin,
    lazyServerFnFetcher(),
  ],
});
