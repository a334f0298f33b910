export * from "./beanstalk";
export * from "./codebuild";
export * from "./codecommit";
export * from "./pipeline";
export * from "./security";
