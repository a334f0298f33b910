export * from "./pulumi-stack-args";
export * from "./pulumi-stack";
export * from "./buildspecs";
export * from "./summary-script";
export * from "./validate";
export * from "./self-update-args";
export * from "./self-update-buildspec";
export * from "./self-update";
