export * from "./security";
