/**
 * The buildspec toolkit in one import: the typed model, validation, YAML rendering and
 * parsing, and the list of what a buildspec references.
 */
export * from "./buildspec-types";
export { BuildSpecError } from "./buildspec-error";
export type { BuildSpecLocation, BuildSpecPathSegment } from "./buildspec-error";
export { BUILDSPEC_TOP_LEVEL_KEYS, BUILDSPEC_VERSION, validateBuildSpec } from "./buildspec-validate";
export { renderBuildSpec } from "./buildspec-render";
export { DEFAULT_BUILDSPEC_FILE_NAME, parseBuildSpec } from "./buildspec-parse";
export { buildSpecReferences } from "./buildspec-references";
export type { BuildSpecReferences } from "./buildspec-references";
export { splitSecretsManagerReference } from "./buildspec-references-syntax";
export type { SecretsManagerReference } from "./buildspec-references-syntax";
