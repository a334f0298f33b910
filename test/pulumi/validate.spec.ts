import { expect } from "chai";
import { defaultPlanArtifact, PulumiStackArgs, validatePulumiStackArgs } from "../../packages/aws-cicd/src/pulumi";

const TOKEN = { secretsManager: "pulumi-token" };
const validate = (args: object) => validatePulumiStackArgs({ stack: "acme/shop/prod", accessToken: TOKEN, ...args } as PulumiStackArgs);
const SECRET_RULE = (arg: string) =>
  `\`${arg}\` must be \`{ secretsManager: ... }\` or \`{ parameterStore: ... }\`, got a plain string. Secrets are never accepted as plain values: store it in Secrets Manager or Parameter Store and name it here.`;
const STACK_RULE =
  '`stack` must be a Pulumi stack name, "stack", "project/stack" or "org/project/stack" (letters, digits, "-", "_", "."), got';
const WORK_DIR_RULE = '`workDir` must be a directory relative to the source root, without ".." (letters, digits, "-", "_", ".", "/"), got';
const BACKEND_RULE = "`backendUrl` must be a Pulumi backend URL (s3://, gs://, azblob://, file:// or https://), got";

describe("validatePulumiStackArgs (pure)", () => {
  describe("plan artifact and namespace", () => {
    it("derives both from the stack's last segment, with characters a variable cannot hold replaced", () => {
      expect(validate({})).to.deep.equal({ planArtifact: "prodPlan", namespace: "prodPlan" });
      expect(validate({ stack: "acme/shop/eu-west.1" })).to.deep.equal({ planArtifact: "eu_west_1Plan", namespace: "eu_west_1Plan" });
      expect(defaultPlanArtifact("p".repeat(100))).to.equal("p".repeat(100));
    });

    it("keeps the given ones", () => {
      expect(validate({ planArtifact: "ProdPlan_v2", namespace: "Plan-Prod" })).to.deep.equal({
        planArtifact: "ProdPlan_v2",
        namespace: "Plan-Prod",
      });
    });
  });

  describe("accepts", () => {
    it("a self-managed backend without a token, a passphrase in Parameter Store and a working directory", () => {
      expect(() =>
        validate({
          accessToken: undefined,
          backendUrl: "s3://acme-pulumi-state",
          configPassphrase: { parameterStore: "/pulumi/passphrase" },
          workDir: "infra/prod/",
          installCommands: ["npm ci"],
          prepareCommands: ["npm run build"],
        }),
      ).to.not.throw();
      expect(() =>
        validate({ accessToken: { parameterStore: "arn:aws:ssm:us-east-1:123456789012:parameter/pulumi/token" } }),
      ).to.not.throw();
      expect(() => validate({ accessToken: undefined, stateBackend: { bucketName: "acme-pulumi-state" } })).to.not.throw();
    });
  });

  describe("refuses", () => {
    const cases: [string, object, string][] = [
      ["no arguments", { stack: undefined, accessToken: undefined }, `${STACK_RULE} nothing.`],
      ["a stack with four segments", { stack: "a/b/c/d" }, `${STACK_RULE} the string "a/b/c/d".`],
      ["a stack with a space", { stack: "my stack" }, `${STACK_RULE} the string "my stack".`],
      ["a number as stack", { stack: 3 }, `${STACK_RULE} the number 3.`],
      ["an absolute working directory", { workDir: "/infra" }, `${WORK_DIR_RULE} the string "/infra".`],
      ["a working directory leaving the source", { workDir: "infra/../../etc" }, `${WORK_DIR_RULE} the string "infra/../../etc".`],
      ["a number as working directory", { workDir: 1 }, `${WORK_DIR_RULE} the number 1.`],
      ["a plain-text token", { accessToken: "pul-0123456789" }, SECRET_RULE("accessToken")],
      ["a plain-text passphrase", { configPassphrase: "hunter2" }, SECRET_RULE("configPassphrase")],
      [
        "a token in both stores",
        { accessToken: { secretsManager: "pulumi-token", parameterStore: "/pulumi/token" } },
        "`accessToken` must set exactly one of `secretsManager` or `parameterStore`, got both. Secrets are never accepted as plain values.",
      ],
      [
        "a passphrase in no store",
        { configPassphrase: {} },
        "`configPassphrase` must set exactly one of `secretsManager` or `parameterStore`, got none. Secrets are never accepted as plain values.",
      ],
      [
        "a token that is a list",
        { accessToken: ["pulumi-token"] },
        "`accessToken` must be an object with `secretsManager` or `parameterStore`, got a list; pass the fields or leave `accessToken` out.",
      ],
      [
        "a secret name that is a number",
        { accessToken: { secretsManager: 7 } },
        "`accessToken.secretsManager` must be a string, got the number 7.",
      ],
      [
        "a parameter name that is a number",
        { accessToken: { parameterStore: 7 } },
        "`accessToken.parameterStore` must be a string, got the number 7.",
      ],
      [
        "a secret reference with too many parts",
        { accessToken: { secretsManager: "s:k:AWSCURRENT:id:extra" } },
        '`accessToken.secretsManager` has too many ":"-separated parts; use secret-id[:json-key[:version-stage[:version-id]]], got "s:k:AWSCURRENT:id:extra".',
      ],
      [
        "a malformed parameter name",
        { configPassphrase: { parameterStore: "pulumi passphrase" } },
        '`configPassphrase.parameterStore` must be a Parameter Store parameter name such as "/app/db-url" or "db-url": letters, digits, "_", "." and "-", with levels separated by "/" and a leading "/" when there is more than one level, got "pulumi passphrase".',
      ],
      ["an http backend", { backendUrl: "http://state.example.com" }, `${BACKEND_RULE} the string "http://state.example.com".`],
      ["a number as backend", { backendUrl: 5 }, `${BACKEND_RULE} the number 5.`],
      ["a backend in a list", { backendUrl: ["s3://acme-pulumi-state"] }, `${BACKEND_RULE} a list.`],
      [
        "no token and no backend",
        { accessToken: undefined },
        "`accessToken` is required for a Pulumi Cloud stack, got none. Pass `{ secretsManager: ... }` or `{ parameterStore: ... }`, or set `backendUrl` (or `stateBackend`) for a self-managed backend.",
      ],
      [
        "build settings that are a string",
        { build: "large" },
        '`build` must be an object with settings of the two projects (`image`, `computeType`, `timeoutInMinutes`...), got the string "large"; pass the fields or leave `build` out.',
      ],
      [
        "install commands that are a string",
        { installCommands: "npm ci" },
        '`installCommands` must be a list, got the string "npm ci"; wrap a single item in [ ].',
      ],
      [
        "a blank install command",
        { installCommands: ["npm ci", "  "] },
        '`installCommands[1]` must be a non-empty shell command, got the string "  ".',
      ],
      [
        "a prepare command that is a number",
        { prepareCommands: [1] },
        "`prepareCommands[0]` must be a non-empty shell command, got the number 1.",
      ],
      [
        "a plan artifact with a hyphen",
        { planArtifact: "prod-plan" },
        '`planArtifact` must be 1 to 100 letters, digits or "_" (it names the variable CODEBUILD_SRC_DIR_<planArtifact>), got the string "prod-plan".',
      ],
      [
        "a plan artifact that is a number",
        { planArtifact: 1 },
        '`planArtifact` must be 1 to 100 letters, digits or "_" (it names the variable CODEBUILD_SRC_DIR_<planArtifact>), got the number 1.',
      ],
      [
        "a namespace with a dot",
        { namespace: "plan.prod" },
        '`namespace` must hold 1 to 100 letters, digits, "@", "-" or "_", got the string "plan.prod".',
      ],
      ["a number as namespace", { namespace: 2 }, '`namespace` must hold 1 to 100 letters, digits, "@", "-" or "_", got the number 2.'],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validate(args)).to.throw(message));
    }

    it("refuses arguments that are not an object", () => {
      expect(() => validatePulumiStackArgs(undefined as never)).to.throw(
        "`args` must be an object with `stack`, got null; pass the fields or leave `args` out.",
      );
    });

    it("refuses a backend URL carrying a credential", () => {
      expect(() => validate({ backendUrl: "https://pulumi:ghp_0123456789abcdefghijABCDEFGHIJ012345@state.example.com" })).to.throw(
        "`backendUrl` looks like a credential (its value is a URL with a password); name the backend without credentials: the build role reaches an S3 backend, and tokens go in `accessToken`.",
      );
    });
  });
});
