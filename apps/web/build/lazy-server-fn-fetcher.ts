import type { Plugin } from "vite";

const LAZY_ID = "\0checkmark:lazy-server-fn-fetcher";
const CREATE_CLIENT_RPC =
  /[\\/]start-client-core[\\/]dist[\\/]esm[\\/]client-rpc[\\/]createClientRpc\.js$/;

/**
 * Start's client always registers the adapter that turns a server function sent by a loader
 * into a callable stub, and the stub's fetcher statically imports seroval and the framed
 * response decoder: about 12 KiB gzip on every first visit, for server functions this app does
 * not have (it talks to the server through oRPC). In the browser build, the stub's fetcher is
 * loaded on its first call instead (docs/decisions/145); the Worker's build is untouched.
 */
export function lazyServerFnFetcher(): Plugin {
  let realFetcher: string | undefined;
  return {
    name: "checkmark:lazy-server-fn-fetcher",
    // Before Vite's own resolver, which would otherwise answer for the relative import.
    enforce: "pre",
    // The production browser build only; `vite dev` serves Start's modules as they are.
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    async resolveId(source, importer) {
      if (source !== "./serverFnFetcher.js" || !importer || !CREATE_CLIENT_RPC.test(importer)) {
        return null;
      }
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved) return null;
      realFetcher = resolved.id;
      return LAZY_ID;
    },
    load(id) {
      if (id !== LAZY_ID || !realFetcher) return null;
      // serverFnFetcher is async already: callers get the same promise, one import later.
      return [
        "export function serverFnFetcher(...args) {",
        `  return import(${JSON.stringify(realFetcher)}).then((m) => m.serverFnFetcher(...args));`,
        "}",
      ].join("\n");
    },
    buildEnd() {
      // A Start upgrade that moves the import would silently put the fetcher back.
      if (!realFetcher) this.warn("Start's createClientRpc no longer imports ./serverFnFetcher.js");
    },
  };
}
