export * from "./auth";
export * from "./todo";
