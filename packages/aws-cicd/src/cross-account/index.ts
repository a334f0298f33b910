export * from "./cross-account-deploy-role-args";
export * from "./cross-account-deploy-role";
export * from "./policies";
export * from "./role-arns";
export * from "./validate";
