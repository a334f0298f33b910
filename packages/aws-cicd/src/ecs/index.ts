export * from "./app-spec";
export * from "./blue-green";
export * from "./ecs-service-target";
export * from "./ecs-service-target-args";
export * from "./fargate-service";
export * from "./fargate-service-args";
export * from "./policies";
export * from "./validate";
