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

/** One IAM action, `service:Action`, no wildcard. */
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
/** The one list that names a whole service on purpose: the TLS-only `Deny` of the bucket policy. */
const SERVICE_WIDE = new Map([["S3_TLS_GUARDED_ACTIONS", ["s3:*"]]]);

describe("IAM action lists", () => {
  const folders = { beanstalk, codebuild, codecommit, codedeploy, crossAccount, ecs, lambda, pipeline, pulumiStacks, security };
  const lists = Object.entries(folders).flatMap(([folder, exports]) =>
    Object.entries(exports as Record<string, unknown>)
      .filter(([name]) => name.endsWith("_ACTIONS"))
      .map(([name, value]) => ({ folder, name, value })),
  );

  it("finds the action lists of every folder", () => {
    expect([...new Set(lists.map((l) => l.folder))]).to.deep.equal(Object.keys(folders));
  });

  // The catalog spec checks the actions of every well-formed list; this one makes sure no list is
  // empty or holds an empty or wildcard entry, which would drop it from the catalog check.
  it("each `*_ACTIONS` constant is a non-empty list of exact actions, without duplicates", () => {
    const problems = lists.flatMap(({ folder, name, value }) => {
      if (SERVICE_WIDE.has(name))
        return JSON.stringify(value) === JSON.stringify(SERVICE_WIDE.get(name)) ? [] : [`${folder}.${name}: ${JSON.stringify(value)}`];
      if (!Array.isArray(value) || value.length === 0) return [`${folder}.${name} is not a non-empty list`];
      const bad = value.filter((a: unknown) => typeof a !== "string" || !ACTION.test(a));
      const twice = value.filter((a: unknown, i: number) => value.indexOf(a) !== i);
      return [...bad.map((a) => `${folder}.${name} holds ${JSON.stringify(a)}`), ...twice.map((a) => `${folder}.${name} lists ${a} twice`)];
    });
    expect(problems).to.deep.equal([]);
  });
});
