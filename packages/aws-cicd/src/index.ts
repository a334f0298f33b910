export * from "./codecommit";
export * from "./security";
