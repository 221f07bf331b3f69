export * from "./api-key";
export * from "./auth";
export * from "./dev-mail";
export * from "./frontend-error";
export * from "./todo";
