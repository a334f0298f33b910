/**
 * The buildspec tooling surface: `import ... from "aws-cicd/buildspec"`.
 *
 * This is the public entry point that tools working on buildspec files use (the `aws-cicd`
 * command of the `aws-cicd-cli` package, and editors or linters that want the same checks the
 * library applies): parsing with line-precise errors, the limits CodeBuild enforces, the
 * plaintext-secret check of commands, artifact glob matching, and the buildspec's types.
 *
 * The names below are a promise like the main entry point's: each one is listed on purpose, and a
 * test pins the list. Add a name only when a tool needs it.
 */
export { BuildSpecError } from "./codebuild/buildspec-error";
export type { BuildSpecLocation, BuildSpecPathSegment } from "./codebuild/buildspec-error";
export { compileGlob, matchCompiledGlob } from "./codebuild/buildspec-glob";
export type { CompiledGlob, GlobSegment, GlobToken } from "./codebuild/buildspec-glob";
export { MAX_BUILDSPEC_LENGTH, MAX_BUILDSPEC_NESTING } from "./codebuild/buildspec-limits";
export { DEFAULT_BUILDSPEC_FILE_NAME, parseBuildSpec } from "./codebuild/buildspec-parse";
export { splitSecretsManagerReference } from "./codebuild/buildspec-references-syntax";
export type { SecretsManagerReference } from "./codebuild/buildspec-references-syntax";
export { BUILDSPEC_PHASES, BuildSpecOnFailure, BuildSpecReportFormat, BuildSpecShell, BuildSpecYesNo } from "./codebuild/buildspec-types";
export type {
  BuildSpec,
  BuildSpecArtifactFiles,
  BuildSpecArtifacts,
  BuildSpecCache,
  BuildSpecEnv,
  BuildSpecInstallPhase,
  BuildSpecPhase,
  BuildSpecPhaseName,
  BuildSpecPhases,
  BuildSpecReport,
} from "./codebuild/buildspec-types";
export { checkBuildSpecCommands } from "./codebuild/plaintext-secrets";
