export * from "./attachment";
export * from "./auth";
export * from "./dev-mail";
export * from "./frontend-error";
export * from "./mail";
export * from "./todo";
