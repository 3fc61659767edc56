export * from "./admin-actions";
export * from "./analyses";
export * from "./batches";
export * from "./credits";
export * from "./documents";
export * from "./users";
export * from "./workers";
