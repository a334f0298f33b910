/**
 * A typed model of CodeBuild buildspec version 0.2. Keys are spelled exactly as in a
 * `buildspec.yml` (`pre_build`, `runtime-versions`, `on-failure`...), so the same model
 * describes a buildspec written in TypeScript and one parsed from YAML.
 *
 * Reference: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
 */

/** The phases CodeBuild runs, in order. */
export const BUILDSPEC_PHASES = ["install", "pre_build", "build", "post_build"] as const;
/** Name of a buildspec phase (one of `BUILDSPEC_PHASES`). */
export type BuildSpecPhaseName = (typeof BUILDSPEC_PHASES)[number];

/** Report formats CodeBuild accepts: test reports, then code coverage reports. */
export const BUILDSPEC_TEST_REPORT_FORMATS = ["JUNITXML", "CUCUMBERJSON", "TESTNGXML", "VISUALSTUDIOTRX", "NUNITXML", "NUNIT3XML"] as const;
/** Code coverage report formats CodeBuild accepts. */
export const BUILDSPEC_COVERAGE_REPORT_FORMATS = ["CLOVERXML", "COBERTURAXML", "JACOCOXML", "SIMPLECOV"] as const;
/** A test or code coverage report format of a buildspec report group. */
export type BuildSpecReportFormat = (typeof BUILDSPEC_TEST_REPORT_FORMATS)[number] | (typeof BUILDSPEC_COVERAGE_REPORT_FORMATS)[number];

/** Shells a Linux or Windows build may run commands with. */
export const BUILDSPEC_SHELLS = ["bash", "/bin/sh", "sh", "powershell.exe", "cmd.exe", "pwsh.exe"] as const;

/** `env` section. */
export interface BuildSpecEnv {
  /**
   * Shell for the commands.
   * @default - CodeBuild's default: `sh` on Linux.
   */
  shell?: (typeof BUILDSPEC_SHELLS)[number];
  /**
   * Plain variables. Never secrets: use `parameter-store` or `secrets-manager`.
   * @default - none.
   */
  variables?: Record<string, string>;
  /**
   * Variable name to an SSM parameter name (`/app/db-password`).
   * @default - none.
   */
  "parameter-store"?: Record<string, string>;
  /**
   * Variable name to a Secrets Manager reference:
   * `secret-id:json-key:version-stage:version-id` (all but `secret-id` optional).
   * @default - none.
   */
  "secrets-manager"?: Record<string, string>;
  /**
   * Variables exported to later pipeline actions (namespaces).
   * @default - none.
   */
  "exported-variables"?: string[];
  /**
   * Use CodeBuild's git credential helper.
   * @default - not written (CodeBuild: "no").
   */
  "git-credential-helper"?: "yes" | "no";
}

/** A phase. */
export interface BuildSpecPhase {
  /**
   * Linux user to run the phase as.
   * @default - the buildspec's `run-as`, else root.
   */
  "run-as"?: string;
  /**
   * What happens when a command fails.
   * @default - not written (CodeBuild: "ABORT").
   */
  "on-failure"?: "ABORT" | "CONTINUE";
  /**
   * Commands, run in order.
   * @default - none.
   */
  commands?: string[];
  /**
   * Commands that always run after `commands`, whatever their outcome.
   * @default - none.
   */
  finally?: string[];
}

/** The `install` phase, which may also select runtimes. */
export interface BuildSpecInstallPhase extends BuildSpecPhase {
  /**
   * Runtime to version, e.g. `{ nodejs: 22 }` or `{ python: "3.12" }`.
   * @default - the image's default runtimes.
   */
  "runtime-versions"?: Record<string, string | number>;
}

/** `phases` section. */
export interface BuildSpecPhases {
  /**
   * Installs packages and selects runtimes.
   * @default - no install phase.
   */
  install?: BuildSpecInstallPhase;
  /**
   * Runs before the build (sign-ins, dependency downloads).
   * @default - no pre_build phase.
   */
  pre_build?: BuildSpecPhase;
  /**
   * The build itself.
   * @default - no build phase.
   */
  build?: BuildSpecPhase;
  /**
   * Runs after the build (packaging, pushes, notifications).
   * @default - no post_build phase.
   */
  post_build?: BuildSpecPhase;
}

/** One report group's files. */
export interface BuildSpecReport {
  /** Report files, as paths or patterns relative to `base-directory`. */
  files: string[];
  /**
   * Directory the `files` are relative to.
   * @default - the source root.
   */
  "base-directory"?: string;
  /**
   * Flatten the report files' paths.
   * @default - not written (CodeBuild: "no").
   */
  "discard-paths"?: "yes" | "no";
  /**
   * Format of the files; a coverage format makes the report group a `CODE_COVERAGE` one.
   * @default - not written (CodeBuild: "JUNITXML").
   */
  "file-format"?: BuildSpecReportFormat;
}

/** Output artifact files. */
export interface BuildSpecArtifactFiles {
  /** Files to upload, as paths or patterns relative to `base-directory`. */
  files: string[];
  /**
   * Name of the artifact.
   * @default - the project's artifact name.
   */
  name?: string;
  /**
   * Directory the `files` are relative to.
   * @default - the source root.
   */
  "base-directory"?: string;
  /**
   * Flatten the files' paths in the artifact.
   * @default - not written (CodeBuild: "no").
   */
  "discard-paths"?: "yes" | "no";
  /**
   * Patterns left out of the artifact.
   * @default - none.
   */
  "exclude-paths"?: string[];
  /**
   * Keep symbolic links in a ZIP artifact.
   * @default - not written (CodeBuild: "no").
   */
  "enable-symlinks"?: "yes" | "no";
  /**
   * Key prefix of an S3 artifact.
   * @default - none.
   */
  "s3-prefix"?: string;
}

/** `artifacts` section: the primary artifact and secondary ones by identifier. */
export interface BuildSpecArtifacts extends BuildSpecArtifactFiles {
  /**
   * Secondary artifacts by identifier (the project's or action's output artifact names).
   * @default - none.
   */
  "secondary-artifacts"?: Record<string, BuildSpecArtifactFiles>;
}

/** `cache` section. */
export interface BuildSpecCache {
  /** Paths to cache. */
  paths: string[];
}

/** A whole buildspec, version 0.2. */
export interface BuildSpec {
  /**
   * Buildspec version. The number `0.2` is accepted too, because `version: 0.2` in a
   * YAML file reads as a number; `renderBuildSpec` always writes `version: 0.2`.
   * @default "0.2"
   */
  version?: "0.2" | 0.2;
  /**
   * Linux user for every command.
   * @default - root.
   */
  "run-as"?: string;
  /**
   * Shell and variables of the build.
   * @default - no `env` section.
   */
  env?: BuildSpecEnv;
  /**
   * Commands by phase.
   * @default - no phases.
   */
  phases?: BuildSpecPhases;
  /**
   * Report group name (or ARN) to its files.
   * @default - no reports.
   */
  reports?: Record<string, BuildSpecReport>;
  /**
   * Output artifacts.
   * @default - no artifacts.
   */
  artifacts?: BuildSpecArtifacts;
  /**
   * Paths cached between builds (with the project's `cache`).
   * @default - no cache paths.
   */
  cache?: BuildSpecCache;
}
