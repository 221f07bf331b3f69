// Fails when a production bundle has grown past its budget in bench/budgets.ts.
// Run by `npm test` (scripts/test.sh) after the build; the first-load JS budget is checked by the browser
// test e2e/page-weight.spec.ts, which sees what a first visit really loads.
import { type Budget, budgets } from "./budgets.ts";
import { formatKiB as kib, largestClientChunk, serverWorker, webWorker } from "./lib/sizes.ts";

let measured: [Budget, string, number][];
try {
  measured = [
    ["serverWorkerGzip", "server Worker (gzip)", serverWorker().gzip],
    ["webWorkerGzip", "web Worker SSR bundle (gzip)", webWorker().gzip],
    ["largestClientChunkGzip", "largest client chunk (gzip)", largestClientChunk().gzip],
  ];
} catch (error) {
  // A missing or empty build measures nothing, which is not a pass.
  console.error(`check-size: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

let over = 0;
for (const [budget, label, size] of measured) {
  const ok = size <= budgets[budget];
  if (!ok) over++;
  console.log(`${ok ? "ok  " : "OVER"}  ${label}: ${kib(size)} of ${kib(budgets[budget])}`);
}
if (over > 0) {
  console.error(`check-size: ${over} bundle(s) over budget; see bench/budgets.ts`);
  process.exit(1);
}
