/**
 * Validation of the buildspec sections that describe what a build leaves behind:
 * `reports`, `artifacts` and `cache`.
 */
import {
  SpecPath,
  expectKnownKeys,
  expectMapping,
  expectNonEmptyString,
  expectPresent,
  expectStringList,
  expectYesNo,
  optional,
} from "./buildspec-checks";
import { describeValue } from "./buildspec-error";
import { globPatternProblem } from "./buildspec-glob";
import { BUILDSPEC_COVERAGE_REPORT_FORMATS, BUILDSPEC_TEST_REPORT_FORMATS } from "./buildspec-types";

/** Keys of a report, in the order they are rendered. */
export const BUILDSPEC_REPORT_KEYS = ["files", "base-directory", "discard-paths", "file-format"] as const;

/** Keys of an artifact, in the order they are rendered (`secondary-artifacts` only on the primary one). */
export const BUILDSPEC_ARTIFACT_KEYS = [
  "files",
  "name",
  "base-directory",
  "discard-paths",
  "exclude-paths",
  "enable-symlinks",
  "s3-prefix",
  "secondary-artifacts",
] as const;

/** Keys of the `cache` section. */
export const BUILDSPEC_CACHE_KEYS = ["paths"] as const;

/** A report group name (CodeBuild creates `<project>-<name>` when it does not exist). */
export const REPORT_GROUP_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,127}$/;

/** A report group ARN. */
export const REPORT_GROUP_ARN_PATTERN = /^arn:aws[a-z-]*:codebuild:[a-z0-9-]+:\d{12}:report-group\/[A-Za-z0-9][A-Za-z0-9_-]{1,127}$/;

/** A secondary artifact identifier. */
export const ARTIFACT_IDENTIFIER_PATTERN = /^[A-Za-z0-9_]+$/;

/** Validates `reports`: report group name or ARN to its files. */
export function validateReports(p: SpecPath, value: unknown): void {
  const reports = expectMapping(p, value);
  for (const [group, report] of Object.entries(reports)) {
    const at: SpecPath = p.at(group);
    if (!REPORT_GROUP_NAME_PATTERN.test(group) && !REPORT_GROUP_ARN_PATTERN.test(group)) {
      at.fail(
        'is not a report group name or ARN; use 2 to 128 letters, digits, "-" or "_" starting with a letter or digit, or arn:aws:codebuild:<region>:<account>:report-group/<name>.',
      );
    }
    validateReport(at, report);
  }
}

function validateReport(p: SpecPath, value: unknown): void {
  const report = expectMapping(p, value);
  expectKnownKeys(p, report, BUILDSPEC_REPORT_KEYS, "a report key");
  expectPatternList(
    p.at("files"),
    expectPresent(p, report, "files", 'list the report files, e.g. "reports/*.xml".'),
    "list at least one report file.",
  );
  optional(report, "base-directory", (v) => expectNonEmptyString(p.at("base-directory"), v));
  optional(report, "discard-paths", (v) => expectYesNo(p.at("discard-paths"), v));
  optional(report, "file-format", (v) => {
    const all: readonly unknown[] = [...BUILDSPEC_TEST_REPORT_FORMATS, ...BUILDSPEC_COVERAGE_REPORT_FORMATS];
    if (!all.includes(v)) {
      p.at("file-format").fail(
        `must be a test report format (${BUILDSPEC_TEST_REPORT_FORMATS.join(", ")}) or a code coverage format (${BUILDSPEC_COVERAGE_REPORT_FORMATS.join(", ")}), got ${describeValue(v)}.`,
      );
    }
  });
}

/** A list of glob patterns (`files`, `exclude-paths`, `paths`): strings, each a pattern CodeBuild can read. */
function expectPatternList(p: SpecPath, value: unknown, emptyHint: string): string[] {
  const patterns = expectStringList(p, value, emptyHint);
  patterns.forEach((pattern, i) => {
    const problem = globPatternProblem(pattern);
    if (problem) p.at(i).fail(`is not a valid pattern, got ${describeValue(pattern)}: ${problem}.`);
  });
  return patterns;
}

/** Validates `artifacts`: the primary artifact and any secondary ones. */
export function validateArtifacts(p: SpecPath, value: unknown): void {
  const artifacts = validateArtifact(p, value, BUILDSPEC_ARTIFACT_KEYS, "an artifacts key");
  optional(artifacts, "secondary-artifacts", (v) => {
    const at: SpecPath = p.at("secondary-artifacts");
    const secondary = expectMapping(at, v);
    if (Object.keys(secondary).length === 0) at.fail("must not be empty; add an artifact or remove `secondary-artifacts`.");
    for (const [id, artifact] of Object.entries(secondary)) {
      if (!ARTIFACT_IDENTIFIER_PATTERN.test(id)) {
        at.at(id).fail(
          "is not a valid artifact identifier; use letters, digits and underscores, as in the project's secondary artifact `artifactIdentifier`.",
        );
      }
      const keys = BUILDSPEC_ARTIFACT_KEYS.filter((k) => k !== "secondary-artifacts");
      validateArtifact(at.at(id), artifact, keys, "a secondary artifact key");
    }
  });
}

function validateArtifact(p: SpecPath, value: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  const artifact = expectMapping(p, value);
  expectKnownKeys(p, artifact, keys, what);
  const files = expectPresent(p, artifact, "files", 'list the files to upload, e.g. "**/*".');
  expectPatternList(p.at("files"), files, 'list at least one path or pattern, e.g. "**/*".');
  optional(artifact, "name", (v) => expectNonEmptyString(p.at("name"), v));
  optional(artifact, "base-directory", (v) => expectNonEmptyString(p.at("base-directory"), v));
  optional(artifact, "discard-paths", (v) => expectYesNo(p.at("discard-paths"), v));
  optional(artifact, "exclude-paths", (v) =>
    expectPatternList(p.at("exclude-paths"), v, "list at least one pattern or remove `exclude-paths`."),
  );
  optional(artifact, "enable-symlinks", (v) => expectYesNo(p.at("enable-symlinks"), v));
  optional(artifact, "s3-prefix", (v) => expectNonEmptyString(p.at("s3-prefix"), v));
  return artifact;
}

/** Validates `cache`. */
export function validateCache(p: SpecPath, value: unknown): void {
  const cache = expectMapping(p, value);
  expectKnownKeys(p, cache, BUILDSPEC_CACHE_KEYS, "a cache key");
  const paths = expectPresent(p, cache, "paths", 'list the directories to cache, e.g. "/root/.npm/**/*".');
  expectPatternList(p.at("paths"), paths, 'list at least one path, e.g. "/root/.npm/**/*".');
}
