// StrykerJS configuration for `npm run mutation` (issue 17): mutation testing of the
// security-critical code. test/mutation/run.ts builds what the specs need, runs Stryker with this
// file and writes test/MUTATION.md from the JSON report. Not part of `npm test`: it runs for minutes.
//
// The specs must import the mutated files from source (packages/*/src), never from dist/ or the
// package name, or the mutants are never seen.

/** Worker processes; the default fits a 2-core machine. Override with STRYKER_CONCURRENCY=n. */
const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? 2);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "mocha",
  // Each mutant runs only the tests that executed its code in the first run.
  coverageAnalysis: "perTest",
  concurrency,
  mutate: [
    // mut-core: IAM, key, bucket and topic helpers; naming, ARNs, type checks.
    "packages/aws-cicd/src/security/*.ts",
    "packages/aws-cicd/src/internal/*.ts",
    // A barrel (re-exports only) and a file of interfaces and numeric constants: nothing to mutate.
    "!packages/aws-cicd/src/security/index.ts",
    "!packages/aws-cicd/src/security/secure-bucket-args.ts",
    // mut-validate: pure validators, statement builders, stage planning.
    "packages/aws-cicd/src/*/validate.ts",
    "packages/aws-cicd/src/*/policies.ts",
    "packages/aws-cicd/src/pipeline/stages.ts",
    // mut-rules: plaintext secrets, the buildspec validators, the policy-pack rules.
    "packages/aws-cicd/src/codebuild/plaintext-secrets.ts",
    "packages/aws-cicd/src/codebuild/buildspec-validate*.ts",
    "packages/aws-cicd/src/codebuild/buildspec-checks.ts",
    "packages/aws-cicd/src/codebuild/buildspec-limits.ts",
    "packages/aws-cicd/src/codebuild/buildspec-references*.ts",
    "packages/aws-cicd/src/codebuild/buildspec-glob.ts",
    "packages/policy-pack/src/rules/**/*.ts",
  ],
  mochaOptions: {
    // .mocharc.json brings ts-node (transpile-only) and the shared mocks (test/harness/setup.ts).
    config: ".mocharc.json",
    // Only the specs that exercise the mutated code from source. Left out on purpose: specs that
    // spawn processes or load dist/ (test/cli, test/package, test/examples, test/golden) and the
    // whole-graph suites (test/conformance except bad-input), which would run for every mutant.
    spec: [
      // mut-core
      "test/security.spec.ts",
      "test/security-bucket.spec.ts",
      "test/security-policy-size.spec.ts",
      "test/naming/naming.spec.ts",
      "test/internal/*.spec.ts",
      "test/iam/catalog.spec.ts",
      // mut-validate
      "test/*/validate.spec.ts",
      "test/*/policies.spec.ts",
      "test/pipeline/stage-*.spec.ts",
      "test/codebuild/build-project-validation.spec.ts",
      "test/codebuild/build-project-policies.spec.ts",
      // mut-rules
      "test/codebuild/plaintext-secrets.spec.ts",
      "test/codebuild/buildspec-validate.spec.ts",
      "test/codebuild/buildspec-references.spec.ts",
      "test/codebuild/buildspec-parse.spec.ts",
      "test/policy-pack/*.spec.ts",
    ],
  },
  // Specs are transpiled by ts-node; a mutant that does not typecheck still runs (and is killed or
  // survives on behaviour), so no TypeScript checker plugin is needed.
  ignorePatterns: ["dist", "docs", "bench", "reports", "*.tgz"],
  reporters: ["clear-text", "progress", "html", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  // Component specs wait on Pulumi outputs; give slow mutants room before calling them timeouts.
  timeoutMS: 20000,
  // test/mutation/run.ts checks 90% per file; Stryker's own threshold is on the total only.
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
