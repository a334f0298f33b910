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

// Sets of allowed strings are written as a constant object and a type of the same name, so that
// the Pulumi schema analyzer turns each into an enum for other languages, while TypeScript users
// keep writing the plain strings ("yes", "JUNITXML"...) with completion.

/** A test or code coverage report format of a buildspec report group. */
export const BuildSpecReportFormat = {
  /** JUnit XML test report. */
  JunitXml: "JUNITXML",
  /** Cucumber JSON test report. */
  CucumberJson: "CUCUMBERJSON",
  /** TestNG XML test report. */
  TestNgXml: "TESTNGXML",
  /** Visual Studio TRX test report. */
  VisualStudioTrx: "VISUALSTUDIOTRX",
  /** NUnit XML test report. */
  NunitXml: "NUNITXML",
  /** NUnit 3 XML test report. */
  Nunit3Xml: "NUNIT3XML",
  /** Clover XML code coverage report. */
  CloverXml: "CLOVERXML",
  /** Cobertura XML code coverage report. */
  CoberturaXml: "COBERTURAXML",
  /** JaCoCo XML code coverage report. */
  JacocoXml: "JACOCOXML",
  /** SimpleCov JSON code coverage report. */
  SimpleCov: "SIMPLECOV",
} as const;
/** A test or code coverage report format of a buildspec report group. */
export type BuildSpecReportFormat = (typeof BuildSpecReportFormat)[keyof typeof BuildSpecReportFormat];

/** Report formats CodeBuild accepts for test reports. */
export const BUILDSPEC_TEST_REPORT_FORMATS: readonly BuildSpecReportFormat[] = [
  BuildSpecReportFormat.JunitXml,
  BuildSpecReportFormat.CucumberJson,
  BuildSpecReportFormat.TestNgXml,
  BuildSpecReportFormat.VisualStudioTrx,
  BuildSpecReportFormat.NunitXml,
  BuildSpecReportFormat.Nunit3Xml,
];
/** Code coverage report formats CodeBuild accepts. */
export const BUILDSPEC_COVERAGE_REPORT_FORMATS: readonly BuildSpecReportFormat[] = [
  BuildSpecReportFormat.CloverXml,
  BuildSpecReportFormat.CoberturaXml,
  BuildSpecReportFormat.JacocoXml,
  BuildSpecReportFormat.SimpleCov,
];

/** Shells a Linux or Windows build may run commands with. */
export const BuildSpecShell = {
  /** Bash (Linux). */
  Bash: "bash",
  /** `/bin/sh` (Linux). */
  BinSh: "/bin/sh",
  /** `sh` (Linux, CodeBuild's default there). */
  Sh: "sh",
  /** Windows PowerShell. */
  PowerShell: "powershell.exe",
  /** Windows command prompt. */
  Cmd: "cmd.exe",
  /** PowerShell 7 (Windows). */
  Pwsh: "pwsh.exe",
} as const;
/** A shell a build may run commands with. */
export type BuildSpecShell = (typeof BuildSpecShell)[keyof typeof BuildSpecShell];
/** Every value of {@link BuildSpecShell}. */
export const BUILDSPEC_SHELLS: readonly BuildSpecShell[] = Object.values(BuildSpecShell);

/** A buildspec flag, written `yes` or `no`. */
export const BuildSpecYesNo = {
  /** On. */
  Yes: "yes",
  /** Off. */
  No: "no",
} as const;
/** A buildspec flag, written `yes` or `no`. */
export type BuildSpecYesNo = (typeof BuildSpecYesNo)[keyof typeof BuildSpecYesNo];

/** What a phase does when a command fails. */
export const BuildSpecOnFailure = {
  /** Stop the build. */
  Abort: "ABORT",
  /** Go on with the next phase. */
  Continue: "CONTINUE",
} as const;
/** What a phase does when a command fails. */
export type BuildSpecOnFailure = (typeof BuildSpecOnFailure)[keyof typeof BuildSpecOnFailure];

/** `env` section. */
export interface BuildSpecEnv {
  /**
   * Shell for the commands.
   * @default - CodeBuild's default: `sh` on Linux.
   */
  shell?: BuildSpecShell;
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
  "git-credential-helper"?: BuildSpecYesNo;
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
  "on-failure"?: BuildSpecOnFailure;
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
   * Runtime to version, e.g. `{ nodejs: "22" }` or `{ python: "3.12" }`. Versions are strings
   * (so that `"3.10"` stays 3.10); a number read from a YAML file (`nodejs: 22`) is accepted too.
   * @default - the image's default runtimes.
   */
  "runtime-versions"?: Record<string, string>;
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
  "discard-paths"?: BuildSpecYesNo;
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
  "discard-paths"?: BuildSpecYesNo;
  /**
   * Patterns left out of the artifact.
   * @default - none.
   */
  "exclude-paths"?: string[];
  /**
   * Keep symbolic links in a ZIP artifact.
   * @default - not written (CodeBuild: "no").
   */
  "enable-symlinks"?: BuildSpecYesNo;
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
   * Buildspec version: `"0.2"`, the only one supported. The number `0.2` is accepted too,
   * because `version: 0.2` in a YAML file reads as a number; `renderBuildSpec` always writes
   * `version: 0.2`.
   * @default "0.2"
   */
  version?: string;
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
