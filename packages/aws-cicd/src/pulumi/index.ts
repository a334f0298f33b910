export * from "./pulumi-stack-args";
export * from "./pulumi-stack";
export * from "./buildspecs";
export * from "./summary-script";
export * from "./validate";
