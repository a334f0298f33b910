export * from "./encryption-key";
export * from "./iam";
export * from "./policies";
export * from "./secure-bucket";
export * from "./secure-bucket-args";
export * from "./secure-topic";
export { IAM_ROLE_ARN_PATTERN } from "../internal/arns";
export * from "./policy-size";
export * from "./role-path";
