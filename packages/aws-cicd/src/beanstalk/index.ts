export * from "./beanstalk-target";
export * from "./beanstalk-target-args";
export * from "./deploy-permissions";
export * from "./deploy-statements";
export * from "./instance-role";
export * from "./policies";
export * from "./settings";
export * from "./validate";
export type { PlannedLoadBalancer } from "./load-balancer";
