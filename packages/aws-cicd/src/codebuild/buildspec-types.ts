/**
 * A typed model of CodeBuild buildspec version 0.2. Keys are spelled exactly as in a
 * `buildspec.yml` (`pre_build`, `runtime-versions`, `on-failure`...), so the same model
 * describes a buildspec written in TypeScript and one parsed from YAML.
 *
 * Reference: https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
 */

/** The phases CodeBuild runs, in order. */
export const BUILDSPEC_PHASES = ["install", "pre_build", "build", "post_build"] as const;
export type BuildSpecPhaseName = (typeof BUILDSPEC_PHASES)[number];

/** Report formats CodeBuild accepts: test reports, then code coverage reports. */
export const BUILDSPEC_TEST_REPORT_FORMATS = [
  "JUNITXML",
  "CUCUMBERJSON",
  "TESTNGXML",
  "VISUALSTUDIOTRX",
  "NUNITXML",
  "NUNIT3XML",
] as const;
export const BUILDSPEC_COVERAGE_REPORT_FORMATS = ["CLOVERXML", "COBERTURAXML", "JACOCOXML", "SIMPLECOV"] as const;
export type BuildSpecReportFormat =
  | (typeof BUILDSPEC_TEST_REPORT_FORMATS)[number]
  | (typeof BUILDSPEC_COVERAGE_REPORT_FORMATS)[number];

/** Shells a Linux or Windows build may run commands with. */
export const BUILDSPEC_SHELLS = ["bash", "/bin/sh", "sh", "powershell.exe", "cmd.exe", "pwsh.exe"] as const;

/** `env` section. */
export interface BuildSpecEnv {
  /** Shell for the commands. */
  shell?: (typeof BUILDSPEC_SHELLS)[number];
  /** Plain variables. Never secrets: use `parameter-store` or `secrets-manager`. */
  variables?: Record<string, string>;
  /** Variable name to an SSM parameter name (`/app/db-password`). */
  "parameter-store"?: Record<string, string>;
  /**
   * Variable name to a Secrets Manager reference:
   * `secret-id:json-key:version-stage:version-id` (all but `secret-id` optional).
   */
  "secrets-manager"?: Record<string, string>;
  /** Variables exported to later pipeline actions (namespaces). */
  "exported-variables"?: string[];
  /** Use CodeBuild's git credential helper. */
  "git-credential-helper"?: "yes" | "no";
}

/** A phase. */
export interface BuildSpecPhase {
  /** Linux user to run the phase as. */
  "run-as"?: string;
  /** What happens when a command fails. */
  "on-failure"?: "ABORT" | "CONTINUE";
  /** Commands, run in order. */
  commands?: string[];
  /** Commands that always run after `commands`, whatever their outcome. */
  finally?: string[];
}

/** The `install` phase, which may also select runtimes. */
export interface BuildSpecInstallPhase extends BuildSpecPhase {
  /** Runtime to version, e.g. `{ nodejs: 22 }` or `{ python: "3.12" }`. */
  "runtime-versions"?: Record<string, string | number>;
}

/** `phases` section. */
export interface BuildSpecPhases {
  install?: BuildSpecInstallPhase;
  pre_build?: BuildSpecPhase;
  build?: BuildSpecPhase;
  post_build?: BuildSpecPhase;
}

/** One report group's files. */
export interface BuildSpecReport {
  files: string[];
  "base-directory"?: string;
  "discard-paths"?: "yes" | "no";
  "file-format"?: BuildSpecReportFormat;
}

/** Output artifact files. */
export interface BuildSpecArtifactFiles {
  files: string[];
  name?: string;
  "base-directory"?: string;
  "discard-paths"?: "yes" | "no";
  "exclude-paths"?: string[];
  "enable-symlinks"?: "yes" | "no";
  "s3-prefix"?: string;
}

/** `artifacts` section: the primary artifact and secondary ones by identifier. */
export interface BuildSpecArtifacts extends BuildSpecArtifactFiles {
  "secondary-artifacts"?: Record<string, BuildSpecArtifactFiles>;
}

/** `cache` section. */
export interface BuildSpecCache {
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
  /** Linux user for every command. */
  "run-as"?: string;
  env?: BuildSpecEnv;
  phases?: BuildSpecPhases;
  /** Report group name (or ARN) to its files. */
  reports?: Record<string, BuildSpecReport>;
  artifacts?: BuildSpecArtifacts;
  cache?: BuildSpecCache;
}
