import { Link } from "@tanstack/react-router";

export function NotFound() {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <Link to="/" className="mt-6 inline-block text-indigo-600 hover:underline">
        Back to the start
      </Link>
    </div>
  );
}
