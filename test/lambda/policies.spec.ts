// The Lambda deployment statements (lambda/policies.ts) as plain values: exact sids, actions and ARNs.
import { expect } from "chai";
import { hookStatusStatements, lambdaFunctionArn, lambdaServiceRoleStatements } from "../../packages/aws-cicd/src/lambda/policies";
import { PolicyStatement } from "../../packages/aws-cicd/src/security/iam";
import { unwrap } from "../harness";

const CTX = { partition: "aws", region: "eu-west-1", accountId: "111122223333" };
const FN = "arn:aws:lambda:eu-west-1:111122223333:function:api";
const HOOK = "arn:aws:lambda:eu-west-1:111122223333:function:smoke-test";

async function resolved(statements: PolicyStatement[]): Promise<unknown[]> {
  return Promise.all(
    statements.map(async (s) => ({
      sid: s.sid,
      actions: s.actions,
      resources: await Promise.all((s.resources ?? []).map((r) => unwrap(r))),
    })),
  );
}

describe("LambdaDeployTarget", () => {
  describe("service role statements", () => {
    it("builds the function ARN from the context", async () => {
      expect(await unwrap(lambdaFunctionArn(CTX, "api"))).to.equal(FN);
    });

    it("shifts the alias and reads its concurrency, on the function and the alias only", async () => {
      expect(await resolved(lambdaServiceRoleStatements({ ctx: CTX, functionName: "api", aliasName: "live" }))).to.deep.equal([
        { sid: "ShiftAliasTraffic", actions: ["lambda:GetAlias", "lambda:UpdateAlias"], resources: [FN] },
        { sid: "ReadAliasConcurrency", actions: ["lambda:GetProvisionedConcurrencyConfig"], resources: [`${FN}:live`] },
      ]);
    });

    it("adds no alarm or hook statement for empty lists", async () => {
      const statements = lambdaServiceRoleStatements({
        ctx: CTX,
        functionName: "api",
        aliasName: "live",
        alarmNames: [],
        hookFunctionArns: [],
      });
      expect(statements.map((s) => s.sid)).to.deep.equal(["ShiftAliasTraffic", "ReadAliasConcurrency"]);
    });

    it("reads the named rollback alarms and invokes the named hooks", async () => {
      const statements = lambdaServiceRoleStatements({
        ctx: CTX,
        functionName: "api",
        aliasName: "live",
        alarmNames: ["api-errors", "api-latency"],
        hookFunctionArns: [HOOK],
      });
      expect((await resolved(statements)).slice(2)).to.deep.equal([
        {
          sid: "ReadRollbackAlarms",
          actions: ["cloudwatch:DescribeAlarms"],
          resources: [
            "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:api-errors",
            "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:api-latency",
          ],
        },
        { sid: "InvokeDeploymentHooks", actions: ["lambda:InvokeFunction"], resources: [HOOK] },
      ]);
    });

    it("lets a hook report its status on any deployment (the action takes no resource)", () => {
      expect(hookStatusStatements()).to.deep.equal([
        { sid: "ReportHookStatus", actions: ["codedeploy:PutLifecycleEventHookExecutionStatus"], resources: ["*"] },
      ]);
    });
  });
});
