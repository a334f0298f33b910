export * from "./services-types";
export * from "./services-schema";
export * from "./services-check";
export * from "./services-parse";
export * from "./services-merge";
export * from "./service-fleet-args";
export * from "./fleet-plan";
export * from "./service-fleet";
