import { expect } from "chai";
import {
  BuildSpec,
  BuildSpecError,
  buildSpecReferences,
  splitSecretsManagerReference,
} from "../../packages/aws-cicd/src/codebuild/buildspec";
import { SECRETS_MANAGER_ARN_PATTERN } from "../../packages/aws-cicd/src/codebuild/buildspec-references-syntax";

const ARN = "arn:aws:secretsmanager:eu-west-1:210987654321:secret:shared/api-AbCdEf";

describe("buildSpecReferences", () => {
  it("lists parameters, secret ids, report groups and exported variables, deduplicated and sorted", () => {
    const spec: BuildSpec = {
      env: {
        variables: { STAGE: "prod" },
        "parameter-store": { DB_URL: "/app/prod/db-url", DB_URL_COPY: "/app/prod/db-url", FLAT: "flat-name" },
        "secrets-manager": {
          DB_PASSWORD: "app/db:password",
          DB_USER: "app/db:username:AWSPREVIOUS",
          API_KEY: `${ARN}:key::0123456789abcdef0123456789abcdef`,
          WHOLE: ARN,
          PLAIN: "zz-token",
        },
        "exported-variables": ["IMAGE_TAG", "BUILD_URL"],
      },
      phases: { build: { commands: ["make"] } },
      reports: {
        unit: { files: ["junit.xml"] },
        "arn:aws:codebuild:us-east-1:123456789012:report-group/coverage": { files: ["clover.xml"], "file-format": "CLOVERXML" },
      },
    };
    expect(buildSpecReferences(spec)).to.deep.equal({
      parameterNames: ["/app/prod/db-url", "flat-name"],
      secretIds: ["app/db", ARN, "zz-token"],
      reportGroups: ["arn:aws:codebuild:us-east-1:123456789012:report-group/coverage", "unit"],
      exportedVariables: ["BUILD_URL", "IMAGE_TAG"],
    });
  });

  it("gives empty lists for a buildspec that references nothing", () => {
    expect(buildSpecReferences({ phases: { build: { commands: ["make"] } } })).to.deep.equal({
      parameterNames: [],
      secretIds: [],
      reportGroups: [],
      exportedVariables: [],
    });
  });

  it("throws when the buildspec is invalid", () => {
    const bad = { phases: { build: { commands: ["make"] } }, env: { "secrets-manager": { X: "a:b:c:d:e" } } } as BuildSpec;
    expect(() => buildSpecReferences(bad)).to.throw(BuildSpecError, "`buildSpec.env.secrets-manager.X` has too many");
  });
});

describe("splitSecretsManagerReference", () => {
  const cases: [string, ReturnType<typeof splitSecretsManagerReference>][] = [
    ["app/db", { secretId: "app/db" }],
    ["app/db:password", { secretId: "app/db", jsonKey: "password" }],
    ["app/db::AWSPENDING", { secretId: "app/db", versionStage: "AWSPENDING" }],
    ["app/db:::0123456789abcdef0123456789abcdef", { secretId: "app/db", versionId: "0123456789abcdef0123456789abcdef" }],
    [ARN, { secretId: ARN }],
    [`${ARN}:key:AWSCURRENT`, { secretId: ARN, jsonKey: "key", versionStage: "AWSCURRENT" }],
    ["app/db:a:b:c:d", undefined],
  ];
  for (const [reference, parts] of cases) {
    it(`splits ${reference}`, () => {
      expect(splitSecretsManagerReference(reference)).to.deep.equal(parts);
    });
  }
});

describe("SECRETS_MANAGER_ARN_PATTERN", () => {
  it("matches a secret ARN only from its first character", () => {
    expect(SECRETS_MANAGER_ARN_PATTERN.test(ARN)).to.equal(true);
    expect(SECRETS_MANAGER_ARN_PATTERN.test(`x${ARN}`)).to.equal(false);
  });
});
