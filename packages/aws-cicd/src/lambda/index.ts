export * from "./lambda-target";
export * from "./lambda-target-args";
export * from "./policies";
export * from "./validate";
export * from "./deploy-project";
