import { createFileRoute, Link, notFound, Outlet } from "@tanstack/react-router";

// Admins only: for everyone else every /admin page is the 404 page, decided before anything
// renders (the procedures refuse them too).
export const Route = createFileRoute("/_app/admin")({
  beforeLoad: ({ context }) => {
    if (context.user.role !== "admin") throw notFound();
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
                className="-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-ink-muted hover:text-ink"
                activeProps={{
                  className: "border-indigo-600 text-accent",
                  "aria-current": "page",
                }}
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
