import { createFileRoute, Link, notFound, Outlet } from "@tanstack/react-router";
import { loadSessionUser } from "../../../lib/session";

// Admins only: for everyone else every /admin page is the 404 page, decided before anything
// renders or loads (the procedures refuse them too). In beforeLoad, so an admin page costs a
// session read before its data: two round trips, for the few who open these pages.
export const Route = createFileRoute("/_app/admin")({
  beforeLoad: async ({ context }) => {
    const user = await loadSessionUser(context.queryClient);
    if (user?.role !== "admin") throw notFound();
  },
  component: AdminLayout,
});

const tabs = [
  { to: "/admin", label: "Overview", exact: true },
  { to: "/admin/users", label: "Users", exact: false },
  { to: "/admin/audit", label: "Audit log", exact: false },
  { to: "/admin/errors", label: "Errors", exact: false },
] as const;

function AdminLayout() {
  return (
    <div>
      <nav aria-label="Admin" className="mt-6 -mx-4 overflow-x-auto px-4">
        <ul className="flex gap-1 border-b border-line">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link
                to={tab.to}
                activeOptions={{ exact: tab.exact }}
                // The router marks the current tab with aria-current="page"; styled on that, so
                // no two classes compete for the same property.
                className="-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-ink-muted hover:text-ink aria-[current=page]:border-accent aria-[current=page]:text-accent"
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
