export * from "./ec2-fleet-target";
export * from "./ec2-fleet-target-args";
export * from "./fleet";
export * from "./policies";
export * from "./validate";
export * from "./rollback";
export * from "./blue-green";
