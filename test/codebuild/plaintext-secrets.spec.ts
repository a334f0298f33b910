// Credential detection by shape (whatever the variable's name), the `pulumi.secret` check of plain
// values given as Outputs, the `allowPlaintext` opt-outs, and inline buildspec commands.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as lib from "../../packages/aws-cicd/src";
import {
  checkBuildSpecCommands,
  checkedPlaintextValue,
  checkPlaintextValueNow,
  credentialShapeReason,
  looksRandom,
  plaintextSecretReason,
} from "../../packages/aws-cicd/src/codebuild/plaintext-secrets";
import { recorded, unwrap } from "../harness";
import { failedRegistrations } from "../harness/rejections";

// Fake credentials, assembled so that no scanner mistakes this file for a leak.
const GITHUB = "ghp_" + "a1B2c3D4e5".repeat(3) + "f6G7h8";
const GITHUB_PAT = "github_pat_" + "11ABCDEFG0" + "_abcdefghijklmnop";
const GITLAB = "glpat-" + "xY3zW8vU1tS6rQ9pO2nM";
const NPM = "npm_" + "a1b2C3d4E5".repeat(3) + "f6G7h8";
const SLACK = "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
const SLACK_HOOK = "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
const STRIPE = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc";
const JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
const PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
const OPENSSH = "-----BEGIN " + "OPENSSH PRIVATE KEY-----";
const DB_URL = "postgres://app:" + "s3cr3t@db.internal:5432/app";
const RANDOM = "Zx8Qm2Lr7Tv4Wn9Ks1Hd6Jf3Bc5Gy0Pa";
const AKIA = "AKIA" + "IOSFODNN7EXAMPLE";
const PKCS8 = "-----BEGIN " + "PRIVATE KEY-----";
// AWS's documented example secret access key (40 base64 characters).
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";

describe("Plaintext credential detection", () => {
  const positives: [string, string, string][] = [
    ["an AWS access key id", AKIA, "its value is an AWS access key id"],
    ["an RSA private key", PEM, "its value holds a private key"],
    ["an OpenSSH private key", OPENSSH, "its value holds a private key"],
    ["a PKCS #8 private key (no algorithm word)", PKCS8, "its value holds a private key"],
    ["a URL with a password", DB_URL, "its value is a URL with a password"],
    ["a GitHub token", GITHUB, "its value is a GitHub token"],
    ["a fine-grained GitHub token", GITHUB_PAT, "its value is a GitHub token"],
    ["a GitLab token", GITLAB, "its value is a GitLab token"],
    ["an npm token", NPM, "its value is an npm token"],
    ["a Slack bot token", SLACK, "its value is a Slack token"],
    ["a Slack webhook URL", SLACK_HOOK, "its value is a Slack token"],
    ["a Stripe secret key", STRIPE, "its value is a Stripe secret key"],
    ["a JWT", JWT, "its value is a JSON Web Token"],
  ];
  for (const [what, value, reason] of positives) {
    it(`finds ${what} whatever the variable's name`, () => {
      expect(plaintextSecretReason("CONFIG", value)).to.equal(reason);
      expect(credentialShapeReason(`prefix ${value} suffix`), "inside other text").to.equal(reason);
    });
  }

  const negatives: [string, string][] = [
    ["a URL without a password", "https://user@example.com/path"],
    ["a URL with a port", "https://db.internal:5432/app"],
    ["a public key", "-----BEGIN PUBLIC KEY-----"],
    ["a word starting with ghp", "ghp_short"],
    ["a GitLab-like word", "glpat-short"],
    ["an npm package name", "npm_config_registry"],
    ["a Slack channel", "xoxb"],
    ["a Stripe-like word", "sk_live_short"],
    ["a dotted version", "eyJ.1.2"],
    ["an access key id too short", "AKIA1234"],
    ["a git commit hash", "3f786850e387550fdab836ed7e6dc881de23001b"],
    ["a UUID", "550e8400-e29b-41d4-a716-446655440000"],
    ["an image id", "aws/codebuild/amazonlinux-x86_64-standard:6.0"],
    ["a camel-case identifier", "SomeOrdinaryCamelCaseIdentifier1"],
    ["an AMI id", "ami-0123456789abcdef0"],
    ["a Slack-like word with a short tail", "xoxb-12345"],
    ["a JWT-like value with a short signature", "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.abc"],
  ];
  for (const [what, value] of negatives) {
    it(`accepts ${what}`, () => expect(plaintextSecretReason("CONFIG", value)).to.equal(undefined));
  }

  it("finds random-looking values (24+ mixed characters, 4.2+ bits each) and not shorter ones", () => {
    expect(looksRandom(RANDOM)).to.equal(true);
    expect(plaintextSecretReason("CONFIG", RANDOM)).to.equal("its value looks like a random secret");
    expect(looksRandom(RANDOM.slice(0, 23)), "23 characters").to.equal(false);
    expect(looksRandom(RANDOM.toLowerCase()), "one case").to.equal(false);
    expect(looksRandom("Ab1".repeat(10)), "repetitive").to.equal(false);
  });

  it("counts exactly 24 characters as long enough", () => {
    expect(looksRandom(RANDOM.slice(0, 24))).to.equal(true);
  });

  it("needs the whole value to be one base64 token, with digits, upper and lower case", () => {
    expect(looksRandom(`!${RANDOM}`), "a leading symbol").to.equal(false);
    expect(looksRandom(`${RANDOM}!`), "a trailing symbol").to.equal(false);
    expect(looksRandom("ZxQmLrTvWnKsHdJfBcGyPaEu"), "no digit").to.equal(false);
    expect(looksRandom(RANDOM.toUpperCase()), "no lower case").to.equal(false);
  });

  it("finds a value shaped like an AWS secret access key before calling it random", () => {
    expect(plaintextSecretReason("CONFIG", SECRET_KEY)).to.equal("its value looks like an AWS secret access key");
  });

  it("needs the secret access key shape to fill the whole value, with digits, upper and lower case", () => {
    expect(plaintextSecretReason("CONFIG", `#${SECRET_KEY}`), "a leading symbol").to.equal(undefined);
    expect(plaintextSecretReason("CONFIG", `${SECRET_KEY}#`), "a trailing symbol").to.equal(undefined);
    expect(plaintextSecretReason("CONFIG", SECRET_KEY.replace("7", "x")), "no digit").to.equal(undefined);
    expect(plaintextSecretReason("CONFIG", SECRET_KEY.toUpperCase()), "no lower case").to.equal(undefined);
  });

  it("finds secret-sounding names with or without an underscore, unless the value is empty", () => {
    for (const name of ["DB_PASSWORD", "PRIVATE_KEY", "PRIVATEKEY", "API_KEY", "APIKEY", "GITHUB_TOKEN", "DB_PASSWD", "CREDENTIALS"]) {
      expect(plaintextSecretReason(name, "x"), name).to.equal("its name says it holds a secret");
    }
    expect(plaintextSecretReason("DB_PASSWORD", "")).to.equal(undefined);
  });
});

describe("Plain value checks", () => {
  const check = { arg: "environmentVariables.DB_PASSWORD", name: "DB_PASSWORD", fix: "store it elsewhere." };

  it("skips an absent value, whatever the name", () => {
    expect(() => checkPlaintextValueNow(undefined, check)).to.not.throw();
  });

  it("judges an Output by its name now: a secret-sounding name is refused before the value is known", () => {
    expect(() => checkPlaintextValueNow(pulumi.output("x"), check)).to.throw(
      "`environmentVariables.DB_PASSWORD` looks like a credential (its name says it holds a secret); store it elsewhere.",
    );
    expect(() => checkPlaintextValueNow(pulumi.output("x"), { ...check, name: "STAGE" })).to.not.throw();
  });

  it("returns a plain string itself, not an Output", () => {
    expect(checkedPlaintextValue("prod", { ...check, name: "STAGE" })).to.equal("prod");
  });

  it("lets an Output that resolves to a credential through with allowPlaintext", async () => {
    expect(await unwrap(checkedPlaintextValue(pulumi.output(NPM), { ...check, name: "CONFIG", allowPlaintext: true }))).to.equal(NPM);
  });

  it("lets an Output that resolves to no string through (nothing to judge)", async () => {
    const value = pulumi.output(undefined as unknown as string);
    expect(await unwrap(checkedPlaintextValue(value, { ...check, name: "CONFIG" }))).to.equal(undefined);
  });
});

const FIX = "store it in SSM Parameter Store or Secrets Manager and pass `{ parameter: ... }` or `{ secret: ... }`.";
const serializing = (property: string, message: string) => `error serializing property "${property}": ${message}`;

describe("BuildProject plaintext environment variables", () => {
  it("refuses a credential shape under any name", () => {
    expect(() => new lib.BuildProject("b", { environmentVariables: { CONFIG: { value: GITHUB } } })).to.throw(
      pulumi.ResourceError,
      `\`environmentVariables.CONFIG\` looks like a credential (its value is a GitHub token); ${FIX}`,
    );
  });

  it("accepts it with `allowPlaintext: true`", () => {
    const p = new lib.BuildProject("b", { environmentVariables: { CONFIG: { value: RANDOM, allowPlaintext: true } } });
    expect(p).to.be.instanceOf(lib.BuildProject);
  });

  it("refuses `allowPlaintext` that is not a boolean, or without a value", () => {
    expect(() => new lib.BuildProject("b", { environmentVariables: { CONFIG: { value: "x", allowPlaintext: "yes" as never } } })).to.throw(
      '`environmentVariables.CONFIG.allowPlaintext` must be true or false, got the string "yes".',
    );
    expect(() => new lib.BuildProject("b", { environmentVariables: { CONFIG: { parameter: "/a/b", allowPlaintext: true } } })).to.throw(
      "`environmentVariables.CONFIG.allowPlaintext` only applies to a plain `value`; remove it.",
    );
  });

  it("fails the project's registration when a value resolves to a pulumi.secret, even with allowPlaintext", async () => {
    const message = `\`environmentVariables.DB_URL\` is a secret (\`pulumi.secret\`), but this value is stored and shown in plain text; ${FIX}`;
    const failures = await failedRegistrations(
      () => new lib.BuildProject("b", { environmentVariables: { DB_URL: { value: pulumi.secret("db.internal"), allowPlaintext: true } } }),
    );
    expect(failures).to.deep.equal([serializing("environment", message)]);
    expect(recorded.map((r) => r.type)).to.not.include("aws:codebuild/project:Project");
  });

  it("fails the project's registration when a value resolves to a credential", async () => {
    const message = `\`environmentVariables.CONFIG\` looks like a credential (its value is an npm token); ${FIX}`;
    const failures = await failedRegistrations(
      () => new lib.BuildProject("b", { environmentVariables: { CONFIG: { value: pulumi.output(NPM) } } }),
    );
    expect(failures).to.deep.equal([serializing("environment", message)]);
  });

  it("passes a plain Output that resolves to ordinary text", async () => {
    const failures = await failedRegistrations(
      () => new lib.BuildProject("b", { environmentVariables: { STAGE: { value: pulumi.output("prod") } } }),
    );
    expect(failures).to.deep.equal([]);
    const project = recorded.find((r) => r.type === "aws:codebuild/project:Project")!;
    expect(project.inputs.environment.environmentVariables).to.deep.include({ name: "STAGE", type: "PLAINTEXT", value: "prod" });
  });
});

describe("Checked Output values keep their dependencies", () => {
  it("a project whose plain value comes from another resource depends on that resource", async () => {
    const failures = await failedRegistrations(() => {
      const topic = new aws.sns.Topic("upstream", {});
      new lib.BuildProject("b", { environmentVariables: { TOPIC: { value: topic.name } } });
    });
    expect(failures).to.deep.equal([]);
    const topic = recorded.find((r) => r.type === "aws:sns/topic:Topic" && r.name === "upstream")!;
    const project = recorded.find((r) => r.type === "aws:codebuild/project:Project")!;
    expect(project.options.dependsOn).to.include(topic.urn);
  });
});

describe("Inline buildspec commands", () => {
  const spec = (commands: string[], extra: object = {}) => ({
    buildSpec: { version: "0.2" as const, phases: { build: { commands, ...extra } } },
  });

  it("refuses a command holding a token", () => {
    expect(() => new lib.BuildProject("b", spec(["npm test", `npm config set //registry.npmjs.org/:_authToken ${NPM}`]))).to.throw(
      "`buildSpec.phases.build.commands[1]` contains a plaintext credential (an npm token); store it in Parameter Store or Secrets Manager, reference it from `env.parameter-store` or `env.secrets-manager` and use the variable in the command.",
    );
  });

  it("refuses a URL with a password in `finally`", () => {
    expect(() => new lib.BuildProject("b", spec(["make"], { finally: [`curl ${DB_URL}`] }))).to.throw(
      "`buildSpec.phases.build.finally[0]` contains a plaintext credential (a URL with a password);",
    );
  });

  it("accepts commands that use variables", () => {
    expect(
      () => new lib.BuildProject("b", spec(['npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"', "git rev-parse HEAD"])),
    ).to.not.throw();
  });

  it("names the buildspec `buildSpec` by default", () => {
    expect(() => checkBuildSpecCommands({ phases: { install: { commands: [`echo ${AKIA}`] } } })).to.throw(
      "`buildSpec.phases.install.commands[0]` contains a plaintext credential (an AWS access key id);",
    );
  });

  it("skips phases left undefined and items that are not strings (the validator reports those)", () => {
    expect(() => checkBuildSpecCommands({ phases: { install: undefined, build: { commands: ["make", [AKIA]] } } })).to.not.throw();
  });

  it("refuses an env variable shaped like a JWT", () => {
    expect(
      () =>
        new lib.BuildProject("b", {
          buildSpec: { version: "0.2", env: { variables: { AUTH: JWT } }, phases: { build: { commands: ["make"] } } },
        }),
    ).to.throw("`buildSpec.env.variables.AUTH` looks like a plaintext credential (its value is a JSON Web Token);");
  });
});

describe("Pipeline CodeBuild action overrides", () => {
  const ACCOUNT = "123456789012";
  const pipeline = (value: pulumi.Input<string>, allowPlaintext?: boolean) => ({
    stages: [
      {
        name: "Source",
        actions: [{ codeCommitSource: { repositoryName: "app", repositoryArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:app` } }],
      },
      {
        name: "Build",
        actions: [
          {
            codeBuild: {
              projectName: "build",
              projectArn: `arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build`,
              environmentVariables: { CONFIG: { value, ...(allowPlaintext === undefined ? {} : { allowPlaintext }) } },
            },
          },
        ],
      },
    ],
  });

  it("refuses a Slack token", () => {
    expect(() => new lib.Pipeline("p", pipeline(SLACK))).to.throw(
      `\`stages[1].actions[0].environmentVariables.CONFIG\` looks like a credential (its value is a Slack token); ${FIX}`,
    );
  });

  it("accepts a random-looking value with allowPlaintext", () => {
    expect(() => new lib.Pipeline("p", pipeline(RANDOM, true))).to.not.throw();
  });

  it("fails the pipeline's registration when a value is a pulumi.secret", async () => {
    const message = `\`stages[1].actions[0].environmentVariables.CONFIG\` is a secret (\`pulumi.secret\`), but this value is stored and shown in plain text; ${FIX}`;
    const failures = await failedRegistrations(() => new lib.Pipeline("p", pipeline(pulumi.secret("x"))));
    expect(failures).to.deep.equal([serializing("stages", message)]);
    expect(recorded.map((r) => r.type)).to.not.include("aws:codepipeline/pipeline:Pipeline");
  });
});

describe("BeanstalkTarget plain variables and option settings", () => {
  const BEANSTALK_FIX = "store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`.";

  it("refuses a Stripe key under any name, unless listed in allowPlaintextVariables", () => {
    expect(() => new lib.BeanstalkTarget("w", { environmentVariables: { PAYMENTS: STRIPE } })).to.throw(
      `\`environmentVariables.PAYMENTS\` looks like a credential (its value is a Stripe secret key); ${BEANSTALK_FIX}`,
    );
    expect(
      () => new lib.BeanstalkTarget("w", { environmentVariables: { BUILD_ID: RANDOM }, allowPlaintextVariables: ["BUILD_ID"] }),
    ).to.not.throw();
  });

  it("refuses allowPlaintextVariables naming no variable", () => {
    expect(() => new lib.BeanstalkTarget("w", { environmentVariables: { A: "1" }, allowPlaintextVariables: ["B"] })).to.throw(
      '`allowPlaintextVariables` must name variables of `environmentVariables`, got "B".',
    );
  });

  it("fails the environment's registration when a variable is a pulumi.secret", async () => {
    const message = `\`environmentVariables.DB_HOST\` is a secret (\`pulumi.secret\`), but this value is stored and shown in plain text; ${BEANSTALK_FIX}`;
    const failures = await failedRegistrations(
      () => new lib.BeanstalkTarget("w", { environmentVariables: { DB_HOST: pulumi.secret("db") }, allowPlaintextVariables: ["DB_HOST"] }),
    );
    expect(failures).to.deep.equal([serializing("settings", message)]);
    expect(recorded.map((r) => r.type)).to.not.include("aws:elasticbeanstalk/environment:Environment");
  });

  it("refuses a credential in an option setting, unless allowPlaintext", () => {
    const setting = { namespace: "aws:elasticbeanstalk:customoption", name: "CONFIG", value: DB_URL };
    expect(() => new lib.BeanstalkTarget("w", { settings: [setting] })).to.throw(
      "`settings[0].value` looks like a credential (its value is a URL with a password); store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`, or set `allowPlaintext: true` on the setting if it is not a secret.",
    );
    expect(() => new lib.BeanstalkTarget("w", { settings: [{ ...setting, allowPlaintext: true }] })).to.not.throw();
  });

  it("fails the environment's registration when an option setting is a pulumi.secret", async () => {
    const setting = { namespace: "aws:elasticbeanstalk:customoption", name: "CONFIG", value: pulumi.secret("x") };
    const failures = await failedRegistrations(() => new lib.BeanstalkTarget("w", { settings: [setting] }));
    expect(failures).to.deep.equal([
      serializing(
        "settings",
        "`settings[0].value` is a secret (`pulumi.secret`), but this value is stored and shown in plain text; store it in SSM Parameter Store or Secrets Manager and pass it in `secrets`, or set `allowPlaintext: true` on the setting if it is not a secret.",
      ),
    ]);
  });
});
