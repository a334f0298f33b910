export * from "./beanstalk";
export * from "./codebuild";
export * from "./codecommit";
export * from "./codedeploy";
export * from "./cross-account";
export * from "./pipeline";
export * from "./security";
