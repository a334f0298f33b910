import { expect } from "chai";
import { EcsServiceTarget, validateEcsServiceTargetArgs } from "../../packages/aws-cicd/src/ecs";
import { ACCOUNT, findResource, policyStatementsOf, statementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BLUE_GREEN, deployed, EXISTING } from "./fixtures";

const FN = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
const FARGATE = { vpcId: "vpc-123", subnetIds: ["subnet-a"], containerPort: 8080 };
const HOOKS = {
  afterAllowTraffic: { functionArn: FN("smoke-prod") },
  beforeInstall: { functionArn: FN("check-config"), roleName: "check-config-role" },
  afterAllowTestTraffic: { functionArn: FN("smoke-test"), roleName: `arn:aws:iam::${ACCOUNT}:role/smoke-test-role` },
  beforeAllowTraffic: { functionArn: FN("smoke-test") },
};

describe("EcsServiceTarget", () => {
  describe("blue/green lifecycle hooks", () => {
    it("lets CodeDeploy invoke exactly the hook functions, each once, and lets the named hook roles report their result", async () => {
      await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: { ...BLUE_GREEN, lifecycleHooks: HOOKS } }));
      expect(policyStatementsOf("api-codedeploy-role").filter((s) => s.Sid === "InvokeLifecycleHooks")).to.deep.equal([
        {
          Sid: "InvokeLifecycleHooks",
          Effect: "Allow",
          Action: ["lambda:InvokeFunction"],
          Resource: [FN("check-config"), FN("smoke-test"), FN("smoke-prod")],
        },
      ]);
      const status = [
        { Sid: "ReportHookStatus", Effect: "Allow", Action: ["codedeploy:PutLifecycleEventHookExecutionStatus"], Resource: ["*"] },
      ];
      const install = findResource("aws:iam/rolePolicy:RolePolicy", "api-before-install-hook-status").inputs;
      expect(install.role).to.equal("check-config-role");
      expect(statementsOf(install.policy)).to.deep.equal(status);
      const test = findResource("aws:iam/rolePolicy:RolePolicy", "api-after-allow-test-traffic-hook-status").inputs;
      expect(test.role).to.equal("smoke-test-role");
      expect(statementsOf(test.policy)).to.deep.equal(status);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("gives CodeDeploy no invoke statement without hooks", async () => {
      await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      expect(policyStatementsOf("api-codedeploy-role").map((s) => s.Sid)).to.not.include("InvokeLifecycleHooks");
    });

    it("writes the AppSpec with the created container, the task definition placeholder and the hooks in lifecycle order", async () => {
      const t = await deployed(
        new EcsServiceTarget("api", { fargateService: FARGATE, blueGreen: { ...BLUE_GREEN, lifecycleHooks: HOOKS } }),
      );
      expect(await unwrap(t.blueGreenAppSpec())).to.equal(
        [
          "version: 0.0",
          "Resources:",
          "  - TargetService:",
          "      Type: AWS::ECS::Service",
          "      Properties:",
          "        TaskDefinition: <TASK_DEFINITION>",
          "        LoadBalancerInfo:",
          '          ContainerName: "app"',
          "          ContainerPort: 8080",
          "Hooks:",
          '  - BeforeInstall: "check-config"',
          '  - AfterAllowTestTraffic: "smoke-test"',
          '  - BeforeAllowTraffic: "smoke-test"',
          '  - AfterAllowTraffic: "smoke-prod"',
          "",
        ].join("\n"),
      );
    });

    it("writes the AppSpec of an existing service for the container given, without Hooks when there are none", async () => {
      const t = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      const spec = await unwrap(t.blueGreenAppSpec({ containerName: "web", containerPort: 3000 }));
      expect(spec.split("\n").slice(-4)).to.deep.equal([
        "        LoadBalancerInfo:",
        '          ContainerName: "web"',
        "          ContainerPort: 3000",
        "",
      ]);
      expect(spec).to.not.include("Hooks:");
    });

    it("throws for an AppSpec of a rolling target, or of an existing service without its container", async () => {
      const rolling = await deployed(new EcsServiceTarget("rolling", { existingService: EXISTING }));
      expect(() => rolling.blueGreenAppSpec()).to.throw(
        "`blueGreenAppSpec()` needs a target created with `blueGreen`; a rolling target deploys without an AppSpec.",
      );
      const existing = await deployed(new EcsServiceTarget("api", { existingService: EXISTING, blueGreen: BLUE_GREEN }));
      expect(() => existing.blueGreenAppSpec()).to.throw(
        "`blueGreenAppSpec()` of a target given `existingService` needs the container behind the load balancer: pass `{ containerName, containerPort }`.",
      );
      expect(() => existing.blueGreenAppSpec({ containerName: "web", containerPort: 70000 })).to.throw(
        "`blueGreenAppSpec({ containerPort })` must be a port from 1 to 65535, got 70000.",
      );
    });

    const cases: [string, unknown, string][] = [
      [
        "an unknown event",
        { beforeInstal: { functionArn: FN("x") } },
        "`blueGreen.lifecycleHooks.beforeInstal` is not a lifecycle event of an ECS deployment; use one of beforeInstall, afterInstall, afterAllowTestTraffic, beforeAllowTraffic, afterAllowTraffic.",
      ],
      [
        "a function name instead of an ARN",
        { afterAllowTestTraffic: { functionArn: "smoke-test" } },
        '`blueGreen.lifecycleHooks.afterAllowTestTraffic.functionArn` must be an unqualified Lambda function ARN such as "arn:aws:lambda:us-east-1:111122223333:function:pre-traffic", got "smoke-test".',
      ],
      [
        "a role that is neither a name nor an ARN",
        { beforeAllowTraffic: { functionArn: FN("x"), roleName: "role with spaces" } },
        '`blueGreen.lifecycleHooks.beforeAllowTraffic.roleName` must be the hook function\'s role name or ARN, got "role with spaces".',
      ],
      [
        "a hook that is a string",
        { afterInstall: FN("x") },
        "`blueGreen.lifecycleHooks.afterInstall` must be `{ functionArn, roleName? }`, got",
      ],
    ];
    for (const [what, hooks, message] of cases) {
      it(`throws for ${what}`, () => {
        expect(() =>
          validateEcsServiceTargetArgs({ existingService: EXISTING, blueGreen: { ...BLUE_GREEN, lifecycleHooks: hooks as never } }),
        ).to.throw(message);
      });
    }
  });
});
