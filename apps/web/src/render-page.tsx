import {
  defineHandlerCallback,
  RouterServer,
  renderSsrHtmlResponse,
} from "@tanstack/react-router/ssr/server";
import { renderToString } from "react-dom/server";
import { setFailedPageStatus } from "./lib/failed-page-status.server";

/**
 * A page rendered to one string, not a stream, as Start's `defaultRenderHandler` does (every
 * loader is awaited before the first byte anyway, docs/decisions/096 and 099). A page whose data
 * failed then answers with the status of the call that failed (docs/decisions/107), but only
 * once it has rendered: a render that threw is this Worker's own fault, and keeps Start's 500.
 */
export const renderPage = defineHandlerCallback(async ({ router, responseHeaders }) => {
  let rendered = false;
  const response = await renderSsrHtmlResponse({
    router,
    responseHeaders,
    render: () => {
      const html = renderToString(<RouterServer router={router} />);
      rendered = true;
      return html;
    },
  });
  if (rendered) setFailedPageStatus(router, response.headers);
  return response;
});
