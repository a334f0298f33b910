import { expect } from "chai";
import { LambdaTarget, LambdaTargetArgs, lambdaDeployTimeoutMinutes, LAMBDA_DEPLOY_COMMANDS } from "../../packages/aws-cicd/src/lambda";
import { parseBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec-parse";
import { codeDeployStatementsFor } from "../codedeploy/fixtures";
import { ACCOUNT, findResource, settle, statementsOf, unwrap } from "../harness";

const R = `us-east-1:${ACCOUNT}`;
const GROUP = "aws-cicd-test-test-api";
const CREATE = { create: { functionName: "orders", functionVersion: "3" } };
const PROJECT = "aws:codebuild/project:Project";

async function deployed(args: LambdaTargetArgs): Promise<LambdaTarget> {
  const t = new LambdaTarget("api", args);
  await unwrap(t.deployProjectName);
  await settle();
  return t;
}

const env = () =>
  Object.fromEntries(
    (findResource(PROJECT, "api-deploy-project").inputs.environment.environmentVariables as { name: string; value: string }[]).map((v) => [
      v.name,
      v.value,
    ]),
  );

describe("LambdaTarget deploy project", () => {
  it("creates a CodeBuild project that publishes the package and starts a CodeDeploy deployment of the alias", async () => {
    const t = await deployed({ alias: CREATE });
    const project = findResource(PROJECT, "api-deploy-project").inputs;
    expect(project.source.type).to.equal("CODEPIPELINE");
    const spec = parseBuildSpec(project.source.buildspec);
    expect(spec.env).to.deep.equal({ shell: "bash" });
    expect(spec.phases?.build?.commands).to.deep.equal(["set -euo pipefail", ...LAMBDA_DEPLOY_COMMANDS]);
    expect(LAMBDA_DEPLOY_COMMANDS[1]).to.equal(
      'TARGET=$(aws lambda update-function-code --function-name "$FUNCTION_NAME" --zip-file "fileb://$PACKAGE_FILE" --publish --query Version --output text)',
    );
    expect(project.buildTimeout).to.equal(35);
    expect(env()).to.deep.equal({
      FUNCTION_NAME: "orders",
      ALIAS_NAME: "live",
      APPLICATION_NAME: GROUP,
      DEPLOYMENT_GROUP_NAME: GROUP,
      PACKAGE_FILE: "function.zip",
      HOOKS: "[]",
    });
    expect(await unwrap(t.deployProjectName)).to.equal(`${GROUP}-deploy`);
  });

  it("names the hooks in the AppSpec by function name and reads `packageFile`", async () => {
    await deployed({
      alias: CREATE,
      packageFile: "dist/orders.zip",
      preTrafficHook: { functionArn: `arn:aws:lambda:${R}:function:orders-pre` },
      postTrafficHook: { functionArn: `arn:aws:lambda:${R}:function:orders-post` },
    });
    expect(env().HOOKS).to.equal('[{"BeforeAllowTraffic":"orders-pre"},{"AfterAllowTraffic":"orders-post"}]');
    expect(env().PACKAGE_FILE).to.equal("dist/orders.zip");
  });

  it("lets the project publish exactly the function and deploy exactly this group", async () => {
    await deployed({ alias: CREATE });
    expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "api-deploy-lambda-deploy").inputs.policy)).to.deep.equal([
      {
        Sid: "PublishFunctionVersion",
        Effect: "Allow",
        Action: ["lambda:GetAlias", "lambda:UpdateFunctionCode"],
        Resource: [`arn:aws:lambda:${R}:function:orders`],
      },
      ...codeDeployStatementsFor(GROUP, GROUP, "CodeDeployDefault.LambdaCanary10Percent5Minutes"),
    ]);
  });

  it("deployAction() is a codeBuild action of the project without output artifact", async () => {
    const t = await deployed({ alias: CREATE });
    const a = t.deployAction({ name: "Canary", inputs: ["BuildOutput"] }).codeBuild;
    expect(Object.keys(a)).to.deep.equal(["projectName", "projectArn", "projectRoleName", "projectRoleArn", "outputs", "name", "inputs"]);
    expect(a.outputs).to.deep.equal([]);
    expect(await unwrap(a.projectName)).to.equal(`${GROUP}-deploy`);
    expect(await unwrap(a.projectArn)).to.equal(`arn:aws:codebuild:${R}:project/${GROUP}-deploy`);
  });

  it("waits as long as the traffic shift takes, plus 30 minutes, within CodeBuild's 2,160", () => {
    expect(lambdaDeployTimeoutMinutes("Canary10Percent30Minutes", undefined)).to.equal(60);
    expect(lambdaDeployTimeoutMinutes("Linear10PercentEvery10Minutes", undefined)).to.equal(130);
    expect(lambdaDeployTimeoutMinutes("AllAtOnce", undefined)).to.equal(30);
    expect(lambdaDeployTimeoutMinutes("AllAtOnce", { linear: { percentage: 30, intervalMinutes: 10 } })).to.equal(70);
    expect(lambdaDeployTimeoutMinutes("AllAtOnce", { canary: { percentage: 5, intervalMinutes: 2880 } })).to.equal(2160);
  });
});
