export * from "./find";
export * from "./mocks";
export * from "./unwrap";
export * from "./program";
