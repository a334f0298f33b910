import { expect } from "chai";
import { BuildSpec, BuildSpecError, validateBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";

const build = { build: { commands: ["npm test"] } };
/** A minimal valid buildspec with `extra` merged in at the top level. */
const spec = (extra: Record<string, unknown>): unknown => ({ version: "0.2", phases: build, ...extra });
const env = (e: Record<string, unknown>): unknown => spec({ env: e });
const phases = (p: Record<string, unknown>): unknown => ({ version: "0.2", phases: p });
const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf";

function errorOf(value: unknown, root?: string): BuildSpecError {
  try {
    validateBuildSpec(value, root);
  } catch (e) {
    expect(e).to.be.instanceOf(BuildSpecError);
    return e as BuildSpecError;
  }
  throw new Error("expected a BuildSpecError");
}

describe("validateBuildSpec", () => {
  describe("accepted buildspecs", () => {
    const good: [string, unknown][] = [
      ["a minimal buildspec", spec({})],
      ["the number 0.2 as version (YAML `version: 0.2`)", { version: 0.2, phases: build }],
      ["no version", { phases: build }],
      ["an install phase that only selects runtimes", phases({ install: { "runtime-versions": { nodejs: 22, python: "3.12" } } })],
      ["a full env", spec({ env: {
        shell: "bash",
        variables: { NODE_ENV: "production", EMPTY_TOKEN: "" },
        "parameter-store": { DB_URL: "/app/prod/db-url", FLAT: "db-url", AMI: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" },
        "secrets-manager": {
          A: "app/db",
          B: "app/db:password",
          C: "app/db:password:AWSPREVIOUS",
          D: "app/db:password::0123456789abcdef0123456789abcdef",
          E: ARN,
          F: `${ARN}:password`,
          G: "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:app/db::AWSCURRENT",
        },
        "exported-variables": ["IMAGE_TAG", "CODEBUILD_BUILD_NUMBER"],
        "git-credential-helper": "yes",
      } })],
      ["every phase with run-as, on-failure and finally", phases({
        install: { "run-as": "root", commands: ["n"], "runtime-versions": { java: "corretto21" } },
        pre_build: { "on-failure": "CONTINUE", commands: ["a"] },
        build: { "on-failure": "ABORT", commands: ["b"], finally: ["c"] },
        post_build: { "run-as": "codebuild-user", commands: ["d"] },
      })],
      ["reports by name and ARN", spec({ reports: {
        unit: { files: ["**/*.xml"], "base-directory": "reports", "discard-paths": "no", "file-format": "JUNITXML" },
        "arn:aws:codebuild:us-east-1:123456789012:report-group/coverage": { files: ["coverage/clover.xml"], "file-format": "CLOVERXML" },
      } })],
      ["primary and secondary artifacts", spec({ artifacts: {
        files: ["**/*"], name: "app", "base-directory": "dist", "discard-paths": "no", "exclude-paths": ["**/*.map"],
        "enable-symlinks": "yes", "s3-prefix": "builds", "secondary-artifacts": { web_1: { files: ["web/**/*"] } },
      } })],
      ["a cache", spec({ cache: { paths: ["/root/.npm/**/*"] } })],
      ["an optional key set to undefined", spec({ cache: undefined, env: { variables: undefined } })],
      ["a parameter hierarchy of exactly 15 levels", env({ "parameter-store": { DB: "/a".repeat(15) } })],
      ["a runtime version 0", phases({ install: { "runtime-versions": { dotnet: 0 }, commands: ["x"] } })],
      ["a report group ARN in another partition", spec({ reports: { "arn:aws-cn:codebuild:cn-north-1:123456789012:report-group/unit": { files: ["x"] } } })],
      ["a secret version id of 64 characters", env({ "secrets-manager": { T: "app/db:k::" + "0123456789abcdef".repeat(4) } })],
    ];
    for (const [what, value] of good) {
      it(`accepts ${what}`, () => {
        expect(() => validateBuildSpec(value)).to.not.throw();
      });
    }
  });

  describe("rejected buildspecs", () => {
    const cases: [string, unknown, string, string][] = [
      ["a string", "version: 0.2", "buildSpec", "`buildSpec` must be a mapping, got a string."],
      ["a list", [], "buildSpec", "`buildSpec` must be a mapping, got a list."],
      ["null", null, "buildSpec", "`buildSpec` must be a mapping, got null."],
      ["an unknown top-level key", spec({ artefacts: {} }), "buildSpec.artefacts",
        "`buildSpec.artefacts` is not a buildspec key; use version, run-as, env, phases, reports, artifacts or cache."],
      ["an unsupported top-level key", spec({ batch: {} }), "buildSpec.batch",
        "`buildSpec.batch` is a buildspec key this library does not support; use version, run-as, env, phases, reports, artifacts or cache."],
      ["version 0.1", { version: "0.1", phases: build }, "buildSpec.version", '`buildSpec.version` must be "0.2", the only buildspec version supported, got "0.1".'],
      ["version 1", { version: 1, phases: build }, "buildSpec.version", '`buildSpec.version` must be "0.2", the only buildspec version supported, got 1.'],
      ["no phases", { version: "0.2" }, "buildSpec.phases",
        "`buildSpec.phases` is missing; a buildspec needs at least one phase (install, pre_build, build or post_build) with `commands`."],
      ["empty phases", phases({}), "buildSpec.phases",
        "`buildSpec.phases` must not be empty; add at least one of install, pre_build, build or post_build with `commands`."],
      ["a misspelt phase", phases({ biuld: { commands: ["x"] } }), "buildSpec.phases.biuld",
        "`buildSpec.phases.biuld` is not a buildspec phase; use install, pre_build, build or post_build."],
      ["an empty phase", phases({ build: null }), "buildSpec.phases.build", "`buildSpec.phases.build` is empty; give it `commands` or remove it."],
      ["a phase that is a list", phases({ build: ["npm test"] }), "buildSpec.phases.build", "`buildSpec.phases.build` must be a mapping, got a list."],
      ["an unknown phase key", phases({ build: { command: ["x"] } }), "buildSpec.phases.build.command",
        "`buildSpec.phases.build.command` is not a phase key; use run-as, on-failure, commands or finally."],
      ["an unknown install key", phases({ install: { runtimes: {} } }), "buildSpec.phases.install.runtimes",
        "`buildSpec.phases.install.runtimes` is not a phase key; use run-as, on-failure, runtime-versions, commands or finally."],
      ["runtime-versions outside install", phases({ build: { "runtime-versions": { nodejs: 22 }, commands: ["x"] } }), "buildSpec.phases.build.runtime-versions",
        "`buildSpec.phases.build.runtime-versions` is only allowed in the install phase; move it to `phases.install`."],
      ["a runtime version that is a list", phases({ install: { "runtime-versions": { nodejs: [22] } } }), "buildSpec.phases.install.runtime-versions.nodejs",
        '`buildSpec.phases.install.runtime-versions.nodejs` must be a version string or number such as 22, "3.12" or "latest", got a list.'],
      ["empty runtime-versions", phases({ install: { "runtime-versions": {} } }), "buildSpec.phases.install.runtime-versions",
        "`buildSpec.phases.install.runtime-versions` must not be empty; name at least one runtime, e.g. `nodejs: 22`, or remove it."],
      ["commands as a string", phases({ build: { commands: "npm test" } }), "buildSpec.phases.build.commands",
        "`buildSpec.phases.build.commands` must be a list of strings, got a string."],
      ["empty commands", phases({ build: { commands: [] } }), "buildSpec.phases.build.commands",
        "`buildSpec.phases.build.commands` must not be empty, got []; list at least one command or remove `commands`."],
      ["a number command", phases({ build: { commands: ["a", "b", 42] } }), "buildSpec.phases.build.commands[2]",
        "`buildSpec.phases.build.commands[2]` must be a string, got the number 42."],
      ["a blank command", phases({ build: { commands: ["a", "  "] } }), "buildSpec.phases.build.commands[1]",
        '`buildSpec.phases.build.commands[1]` must not be blank, got "  "; remove the item or fill it in.'],
      ["finally without commands", phases({ build: { finally: ["x"] } }), "buildSpec.phases.build.finally",
        "`buildSpec.phases.build.finally` needs `commands` in the same phase, since it runs after them; add `commands` or rename `finally` to `commands`."],
      ["a phase with neither commands nor finally", phases({ post_build: { "on-failure": "ABORT" } }), "buildSpec.phases.post_build",
        "`buildSpec.phases.post_build` has no `commands`; add at least one command or remove the phase."],
      ["a bad on-failure", phases({ build: { "on-failure": "RETRY", commands: ["x"] } }), "buildSpec.phases.build.on-failure",
        '`buildSpec.phases.build.on-failure` must be "ABORT" or "CONTINUE", got "RETRY".'],
      ["a bad run-as", spec({ "run-as": "build user" }), "buildSpec.run-as",
        '`buildSpec.run-as` must be a Linux user name (up to 32 letters, digits, "_", "." or "-", not starting with a digit, "." or "-"), got "build user".'],
      ["an unknown env key", env({ variable: {} }), "buildSpec.env.variable",
        "`buildSpec.env.variable` is not an env key; use shell, variables, parameter-store, secrets-manager, exported-variables or git-credential-helper."],
      ["a bad shell", env({ shell: "zsh" }), "buildSpec.env.shell",
        '`buildSpec.env.shell` must be "bash", "/bin/sh", "sh", "powershell.exe", "cmd.exe" or "pwsh.exe", got "zsh".'],
      ["a number variable", env({ variables: { GO_VERSION: 1.2 } }), "buildSpec.env.variables.GO_VERSION",
        "`buildSpec.env.variables.GO_VERSION` must be a string, got the number 1.2; quote the value in YAML so it stays exactly as written."],
      ["a boolean variable", env({ variables: { CI: true } }), "buildSpec.env.variables.CI",
        "`buildSpec.env.variables.CI` must be a string, got the boolean true; quote the value in YAML so it stays exactly as written."],
      ["a bad variable name", env({ variables: { "MY-VAR": "x" } }), "buildSpec.env.variables.MY-VAR",
        "`buildSpec.env.variables.MY-VAR` is not a valid environment variable name; use letters, digits and underscores, not starting with a digit."],
      ["a variable name starting with a digit", env({ variables: { "1X": "x" } }), 'buildSpec.env.variables["1X"]',
        '`buildSpec.env.variables["1X"]` is not a valid environment variable name; use letters, digits and underscores, not starting with a digit.'],
      ["a reserved variable name", env({ variables: { CODEBUILD_X: "x" } }), "buildSpec.env.variables.CODEBUILD_X",
        '`buildSpec.env.variables.CODEBUILD_X` uses the "CODEBUILD_" prefix, which CodeBuild reserves for its own variables; rename it.'],
      ["a password in variables", env({ variables: { DB_PASSWORD: "hunter2" } }), "buildSpec.env.variables.DB_PASSWORD",
        "`buildSpec.env.variables.DB_PASSWORD` looks like a plaintext credential (its name says it holds a secret); store it in Parameter Store or Secrets Manager and reference it from `env.parameter-store` or `env.secrets-manager` instead."],
      ["an access key id in variables", env({ variables: { KEY_ID: "AKIAABCDEFGHIJKLMNOP" } }), "buildSpec.env.variables.KEY_ID",
        "`buildSpec.env.variables.KEY_ID` looks like a plaintext credential (its value is an AWS access key id); store it in Parameter Store or Secrets Manager and reference it from `env.parameter-store` or `env.secrets-manager` instead."],
      ["a parameter name with spaces", env({ "parameter-store": { DB: "/app/db url" } }), "buildSpec.env.parameter-store.DB",
        '`buildSpec.env.parameter-store.DB` must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level, got "/app/db url".'],
      ["a hierarchical parameter name without a leading slash", env({ "parameter-store": { DB: "app/db" } }), "buildSpec.env.parameter-store.DB",
        '`buildSpec.env.parameter-store.DB` must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level, got "app/db".'],
      ["a parameter hierarchy over 15 levels", env({ "parameter-store": { DB: "/a".repeat(16) } }), "buildSpec.env.parameter-store.DB",
        "`buildSpec.env.parameter-store.DB` has 16 levels; Parameter Store allows at most 15, got \"" + "/a".repeat(16) + '".'],
      ["a parameter name that is a number", env({ "parameter-store": { DB: 5 } }), "buildSpec.env.parameter-store.DB",
        "`buildSpec.env.parameter-store.DB` must be a Parameter Store parameter name, got the number 5."],
      ["a secret reference with too many parts", env({ "secrets-manager": { T: "app/db:k:AWSCURRENT:0123456789abcdef0123456789abcdef:x" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` has too many ":"-separated parts; use secret-id[:json-key[:version-stage[:version-id]]], got "app/db:k:AWSCURRENT:0123456789abcdef0123456789abcdef:x".'],
      ["a truncated secret ARN", env({ "secrets-manager": { T: "arn:aws:secretsmanager:us-east-1:123456789012:app" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` does not start with a valid secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>); use secret-id[:json-key[:version-stage[:version-id]]], got "arn:aws:secretsmanager:us-east-1:123456789012:app".'],
      ["a secret name with spaces", env({ "secrets-manager": { T: "my secret" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` does not start with a valid secret name (letters, digits and "/_+=.@-"); use secret-id[:json-key[:version-stage[:version-id]]], got "my secret".'],
      ["a secret with a stage and an id", env({ "secrets-manager": { T: `${ARN}:k:AWSCURRENT:0123456789abcdef0123456789abcdef` } }), "buildSpec.env.secrets-manager.T",
        `\`buildSpec.env.secrets-manager.T\` gives both a version stage and a version id; give one of them (secret-id:json-key::version-id selects by id), got "${ARN}:k:AWSCURRENT:0123456789abcdef0123456789abcdef".`],
      ["a short version id", env({ "secrets-manager": { T: "app/db:k::v1" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` has an invalid version id "v1"; use the 32 to 64 character id Secrets Manager gave the version, got "app/db:k::v1".'],
      ["a variable defined twice", env({ variables: { DB: "x" }, "secrets-manager": { DB: "app/db" } }), "buildSpec.env.secrets-manager.DB",
        "`buildSpec.env.secrets-manager.DB` is also defined in `env.variables`; define each variable in one place."],
      ["a bad exported variable", env({ "exported-variables": ["OK", "NOT-OK"] }), "buildSpec.env.exported-variables[1]",
        '`buildSpec.env.exported-variables[1]` must be an environment variable name (letters, digits and underscores, not starting with a digit), got "NOT-OK".'],
      ["a repeated exported variable", env({ "exported-variables": ["A", "A"] }), "buildSpec.env.exported-variables[1]",
        '`buildSpec.env.exported-variables[1]` repeats "A"; list each variable once.'],
      ["exported variables as a string", env({ "exported-variables": "A" }), "buildSpec.env.exported-variables",
        "`buildSpec.env.exported-variables` must be a list of variable names, got a string."],
      ["git-credential-helper true", env({ "git-credential-helper": true }), "buildSpec.env.git-credential-helper",
        '`buildSpec.env.git-credential-helper` must be "yes" or "no", got true.'],
      ["a bad report group name", spec({ reports: { "my reports": { files: ["x"] } } }), 'buildSpec.reports["my reports"]',
        '`buildSpec.reports["my reports"]` is not a report group name or ARN; use 2 to 128 letters, digits, "-" or "_" starting with a letter or digit, or arn:aws:codebuild:<region>:<account>:report-group/<name>.'],
      ["a report without files", spec({ reports: { unit: { "file-format": "JUNITXML" } } }), "buildSpec.reports.unit.files",
        '`buildSpec.reports.unit.files` is missing; list the report files, e.g. "reports/*.xml".'],
      ["a report with empty files", spec({ reports: { unit: { files: [] } } }), "buildSpec.reports.unit.files",
        "`buildSpec.reports.unit.files` must not be empty, got []; list at least one report file."],
      ["a bad report format", spec({ reports: { unit: { files: ["x"], "file-format": "JUNIT" } } }), "buildSpec.reports.unit.file-format",
        '`buildSpec.reports.unit.file-format` must be a test report format (JUNITXML, CUCUMBERJSON, TESTNGXML, VISUALSTUDIOTRX, NUNITXML, NUNIT3XML) or a code coverage format (CLOVERXML, COBERTURAXML, JACOCOXML, SIMPLECOV), got "JUNIT".'],
      ["a bad report discard-paths", spec({ reports: { unit: { files: ["x"], "discard-paths": "true" } } }), "buildSpec.reports.unit.discard-paths",
        '`buildSpec.reports.unit.discard-paths` must be "yes" or "no", got "true".'],
      ["an unknown report key", spec({ reports: { unit: { files: ["x"], format: "JUNITXML" } } }), "buildSpec.reports.unit.format",
        "`buildSpec.reports.unit.format` is not a report key; use files, base-directory, discard-paths or file-format."],
      ["artifacts without files", spec({ artifacts: { name: "app" } }), "buildSpec.artifacts.files",
        '`buildSpec.artifacts.files` is missing; list the files to upload, e.g. "**/*".'],
      ["artifacts with empty files", spec({ artifacts: { files: [] } }), "buildSpec.artifacts.files",
        '`buildSpec.artifacts.files` must not be empty, got []; list at least one path or pattern, e.g. "**/*".'],
      ["a bad enable-symlinks", spec({ artifacts: { files: ["x"], "enable-symlinks": "on" } }), "buildSpec.artifacts.enable-symlinks",
        '`buildSpec.artifacts.enable-symlinks` must be "yes" or "no", got "on".'],
      ["exclude-paths as a string", spec({ artifacts: { files: ["x"], "exclude-paths": "*.map" } }), "buildSpec.artifacts.exclude-paths",
        "`buildSpec.artifacts.exclude-paths` must be a list of strings, got a string."],
      ["an unknown artifacts key", spec({ artifacts: { files: ["x"], paths: ["y"] } }), "buildSpec.artifacts.paths",
        "`buildSpec.artifacts.paths` is not an artifacts key; use files, name, base-directory, discard-paths, exclude-paths, enable-symlinks, s3-prefix or secondary-artifacts."],
      ["a bad secondary artifact identifier", spec({ artifacts: { files: ["x"], "secondary-artifacts": { "web-app": { files: ["y"] } } } }),
        "buildSpec.artifacts.secondary-artifacts.web-app",
        "`buildSpec.artifacts.secondary-artifacts.web-app` is not a valid artifact identifier; use letters, digits and underscores, as in the project's secondary artifact `artifactIdentifier`."],
      ["a secondary artifact without files", spec({ artifacts: { files: ["x"], "secondary-artifacts": { web: { name: "w" } } } }),
        "buildSpec.artifacts.secondary-artifacts.web.files",
        '`buildSpec.artifacts.secondary-artifacts.web.files` is missing; list the files to upload, e.g. "**/*".'],
      ["nested secondary artifacts", spec({ artifacts: { files: ["x"], "secondary-artifacts": { web: { files: ["y"], "secondary-artifacts": {} } } } }),
        "buildSpec.artifacts.secondary-artifacts.web.secondary-artifacts",
        "`buildSpec.artifacts.secondary-artifacts.web.secondary-artifacts` is not a secondary artifact key; use files, name, base-directory, discard-paths, exclude-paths, enable-symlinks or s3-prefix."],
      ["empty cache paths", spec({ cache: { paths: [] } }), "buildSpec.cache.paths",
        '`buildSpec.cache.paths` must not be empty, got []; list at least one path, e.g. "/root/.npm/**/*".'],
      ["a cache without paths", spec({ cache: {} }), "buildSpec.cache.paths",
        '`buildSpec.cache.paths` is missing; list the directories to cache, e.g. "/root/.npm/**/*".'],
      ["an unknown cache key", spec({ cache: { paths: ["x"], key: "k" } }), "buildSpec.cache.key", "`buildSpec.cache.key` is not a cache key; use paths."],
      ["env as a list", spec({ env: [] }), "buildSpec.env", "`buildSpec.env` must be a mapping, got a list."],
      ["a run-as that is a number", spec({ "run-as": 5 }), "buildSpec.run-as", "`buildSpec.run-as` must be a Linux user name, got the number 5."],
      ["a blank run-as", spec({ "run-as": "  " }), "buildSpec.run-as", '`buildSpec.run-as` must be a Linux user name, got "  ".'],
      ["a bad run-as in a phase", phases({ build: { "run-as": "1user", commands: ["x"] } }), "buildSpec.phases.build.run-as",
        '`buildSpec.phases.build.run-as` must be a Linux user name (up to 32 letters, digits, "_", "." or "-", not starting with a digit, "." or "-"), got "1user".'],
      ["empty finally", phases({ build: { commands: ["x"], finally: [] } }), "buildSpec.phases.build.finally",
        "`buildSpec.phases.build.finally` must not be empty, got []; list at least one command or remove `finally`."],
      ["a blank runtime version", phases({ install: { "runtime-versions": { nodejs: " " } } }), "buildSpec.phases.install.runtime-versions.nodejs",
        '`buildSpec.phases.install.runtime-versions.nodejs` must be a version string or number such as 22, "3.12" or "latest", got " ".'],
      ["a boolean runtime version", phases({ install: { "runtime-versions": { nodejs: true } } }), "buildSpec.phases.install.runtime-versions.nodejs",
        '`buildSpec.phases.install.runtime-versions.nodejs` must be a version string or number such as 22, "3.12" or "latest", got the boolean true.'],
      ["a negative runtime version", phases({ install: { "runtime-versions": { nodejs: -1 } } }), "buildSpec.phases.install.runtime-versions.nodejs",
        '`buildSpec.phases.install.runtime-versions.nodejs` must be a version string or number such as 22, "3.12" or "latest", got the number -1.'],
      ["an infinite runtime version", phases({ install: { "runtime-versions": { nodejs: Infinity } } }), "buildSpec.phases.install.runtime-versions.nodejs",
        '`buildSpec.phases.install.runtime-versions.nodejs` must be a version string or number such as 22, "3.12" or "latest", got the number Infinity.'],
      ["a secret reference that is a number", env({ "secrets-manager": { T: 5 } }), "buildSpec.env.secrets-manager.T",
        "`buildSpec.env.secrets-manager.T` must be a Secrets Manager reference (secret-id[:json-key[:version-stage[:version-id]]]), got the number 5."],
      ["a secret version stage with a space", env({ "secrets-manager": { T: "app/db:k:bad stage" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` has an invalid version stage "bad stage"; use letters, digits and "_+=.@-" such as AWSCURRENT, got "app/db:k:bad stage".'],
      ["a secret version id of 65 characters", env({ "secrets-manager": { T: "app/db:k::" + "0123456789abcdef".repeat(4) + "0" } }), "buildSpec.env.secrets-manager.T",
        `\`buildSpec.env.secrets-manager.T\` has an invalid version id "${"0123456789abcdef".repeat(4)}0"; use the 32 to 64 character id Secrets Manager gave the version, got "app/db:k::${"0123456789abcdef".repeat(4)}0".`],
      ["a secret version id after a symbol", env({ "secrets-manager": { T: "app/db:k::!0123456789abcdef0123456789abcdef" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` has an invalid version id "!0123456789abcdef0123456789abcdef"; use the 32 to 64 character id Secrets Manager gave the version, got "app/db:k::!0123456789abcdef0123456789abcdef".'],
      ["a secret ARN whose name has a space", env({ "secrets-manager": { T: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app db" } }), "buildSpec.env.secrets-manager.T",
        '`buildSpec.env.secrets-manager.T` does not start with a valid secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>); use secret-id[:json-key[:version-stage[:version-id]]], got "arn:aws:secretsmanager:us-east-1:123456789012:secret:app db".'],
      ["an exported variable that is a boolean", env({ "exported-variables": [true] }), "buildSpec.env.exported-variables[0]",
        "`buildSpec.env.exported-variables[0]` must be an environment variable name (letters, digits and underscores, not starting with a digit), got true."],
      ["a report group name with text before an ARN", spec({ reports: { "x arn:aws:codebuild:us-east-1:123456789012:report-group/unit": { files: ["x"] } } }),
        'buildSpec.reports["x arn:aws:codebuild:us-east-1:123456789012:report-group/unit"]',
        '`buildSpec.reports["x arn:aws:codebuild:us-east-1:123456789012:report-group/unit"]` is not a report group name or ARN; use 2 to 128 letters, digits, "-" or "_" starting with a letter or digit, or arn:aws:codebuild:<region>:<account>:report-group/<name>.'],
      ["a report group ARN with text after it", spec({ reports: { "arn:aws:codebuild:us-east-1:123456789012:report-group/unit x": { files: ["x"] } } }),
        'buildSpec.reports["arn:aws:codebuild:us-east-1:123456789012:report-group/unit x"]',
        '`buildSpec.reports["arn:aws:codebuild:us-east-1:123456789012:report-group/unit x"]` is not a report group name or ARN; use 2 to 128 letters, digits, "-" or "_" starting with a letter or digit, or arn:aws:codebuild:<region>:<account>:report-group/<name>.'],
      ["a blank report base-directory", spec({ reports: { unit: { files: ["x"], "base-directory": "" } } }), "buildSpec.reports.unit.base-directory",
        '`buildSpec.reports.unit.base-directory` must be a non-empty string, got "".'],
      ["a report file pattern with a reversed range", spec({ reports: { unit: { files: ["ok.xml", "report-[9-0].xml"] } } }), "buildSpec.reports.unit.files[1]",
        '`buildSpec.reports.unit.files[1]` is not a valid pattern, got "report-[9-0].xml": the range "9-0" is reversed; write "0-9".'],
      ["an artifact name that is a number", spec({ artifacts: { files: ["x"], name: 5 } }), "buildSpec.artifacts.name",
        "`buildSpec.artifacts.name` must be a non-empty string, got the number 5."],
      ["a blank artifact base-directory", spec({ artifacts: { files: ["x"], "base-directory": " " } }), "buildSpec.artifacts.base-directory",
        '`buildSpec.artifacts.base-directory` must be a non-empty string, got " ".'],
      ["a bad artifact discard-paths", spec({ artifacts: { files: ["x"], "discard-paths": true } }), "buildSpec.artifacts.discard-paths",
        '`buildSpec.artifacts.discard-paths` must be "yes" or "no", got true.'],
      ["empty exclude-paths", spec({ artifacts: { files: ["x"], "exclude-paths": [] } }), "buildSpec.artifacts.exclude-paths",
        "`buildSpec.artifacts.exclude-paths` must not be empty, got []; list at least one pattern or remove `exclude-paths`."],
      ["a blank s3-prefix", spec({ artifacts: { files: ["x"], "s3-prefix": "" } }), "buildSpec.artifacts.s3-prefix",
        '`buildSpec.artifacts.s3-prefix` must be a non-empty string, got "".'],
      ["an artifact pattern with an empty class", spec({ artifacts: { files: ["dist/[]"] } }), "buildSpec.artifacts.files[0]",
        '`buildSpec.artifacts.files[0]` is not a valid pattern, got "dist/[]": the character class "[]" is empty.'],
      ["empty secondary artifacts", spec({ artifacts: { files: ["x"], "secondary-artifacts": {} } }), "buildSpec.artifacts.secondary-artifacts",
        "`buildSpec.artifacts.secondary-artifacts` must not be empty; add an artifact or remove `secondary-artifacts`."],
    ];
    for (const [what, value, path, message] of cases) {
      it(`throws when given ${what}`, () => {
        const e = errorOf(value);
        expect(e.message).to.equal(message);
        expect(e.path).to.equal(path);
      });
    }

    it("names the buildspec with the given root path", () => {
      const e = errorOf(phases({ build: { commands: [] } }), "buildSpec.inline");
      expect(e.message).to.equal("`buildSpec.inline.phases.build.commands` must not be empty, got []; list at least one command or remove `commands`.");
      expect(e.path).to.equal("buildSpec.inline.phases.build.commands");
      expect(e.segments).to.deep.equal(["phases", "build", "commands"]);
    });

    it("never repeats a plaintext credential in its message", () => {
      const e = errorOf(env({ variables: { AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } }));
      expect(e.message).to.not.include("wJalrXUtnFEMI");
      expect(e.message).to.include("plaintext credential");
    });

    it("narrows the type of a valid buildspec", () => {
      const value: unknown = spec({});
      validateBuildSpec(value);
      const typed: BuildSpec = value;
      expect(typed.phases?.build?.commands).to.deep.equal(["npm test"]);
    });
  });
});
