export * from "./attachment";
export * from "./audit-log";
export * from "./auth";
export * from "./dev-mail";
export * from "./event";
export * from "./frontend-error";
export * from "./mail";
export * from "./todo";
