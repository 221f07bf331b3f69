export * from "./auth";
export * from "./dev-mail";
export * from "./todo";
