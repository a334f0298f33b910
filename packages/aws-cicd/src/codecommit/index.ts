export * from "./codecommit-repo-args";
export * from "./codecommit-repo";
export { commitEventPattern, pullRequestEventPattern } from "./events";
export type { RepositoryEventRule } from "./events";
export { CROSS_ACCOUNT_MAX_SESSION_SECONDS } from "./grants";
export type { CrossAccountAccessGrant } from "./grants";
export { REPOSITORY_NOTIFICATION_PUBLISHER } from "./notifications";
export * from "./policies";
export * from "./validate";
