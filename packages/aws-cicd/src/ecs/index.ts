export * from "./blue-green";
export * from "./ecs-service-target";
export * from "./ecs-service-target-args";
export * from "./policies";
export * from "./validate";
