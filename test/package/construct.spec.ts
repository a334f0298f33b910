// What a Python, Go or C# program's components become: the language host's provider constructs the
// built package's classes from the inputs the engine forwards, shaped by the schema (plain objects,
// KeyReference instead of an EncryptionKey, enum values as strings, other resources' values as
// Outputs). Here the provider builds the flagship flow exactly as examples/python-pipeline writes it,
// under the mocks, and the result must be the pipeline the TypeScript flagship gets.
import { expect } from "chai";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { findResource, policyStatementsOf, recorded, RecordedResource, runProgram, settle, useProgramResources } from "../harness";
import { NETWORK } from "../examples/example-config";
import { hostedSchema } from "./schema-host";

const TOKEN = (name: string) => `aws-cicd:index:${name}`;
type State = Record<string, any>;

describe("aws-cicd components constructed from other languages' inputs", function () {
  this.timeout(180_000);
  let fromSchema: RecordedResource[];
  let fromTypeScript: RecordedResource[];
  const states: Record<string, State> = {};

  before(async () => {
    const { provider } = await hostedSchema();
    recorded.length = 0;
    const construct = async (name: string, type: string, inputs: pulumi.Inputs): Promise<State> => {
      const result = await provider.construct(name, TOKEN(type), inputs, {});
      return (states[`${type}(${name})`] = result.state as State);
    };
    const { vpcId, publicSubnetIds, privateSubnetIds, certificateArn, logBucket } = NETWORK;
    const approverEmails = ["lead@example.com"];

    const key = await construct("cicd", "EncryptionKey", {});
    const keyRef = { keyArn: key.keyArn };
    const repo = await construct("app", "CodeCommitRepo", { description: "Sample web app", encryptionKey: keyRef });
    const test = await construct("test", "BuildProject", { encryptionKey: keyRef });
    const dev = await construct("dev", "BeanstalkTarget", { encryptionKey: keyRef, vpc: { vpcId, instanceSubnetIds: publicSubnetIds } });
    const prod = await construct("prod", "BeanstalkTarget", {
      application: { name: dev.applicationName },
      environmentType: "LoadBalanced",
      encryptionKey: keyRef,
      vpc: { vpcId, instanceSubnetIds: privateSubnetIds, loadBalancerSubnetIds: publicSubnetIds },
      loadBalancer: { certificateArn, accessLogs: { bucketName: logBucket } },
    });
    const deployTo = (target: State) => ({
      applicationName: target.applicationName,
      environmentName: target.environmentName,
      applicationArn: target.applicationArn,
      environmentArn: target.environmentArn,
      environmentId: target.environment.id,
      instanceRoleArn: target.instanceRole.arn,
    });
    await construct("app", "Pipeline", {
      encryptionKey: keyRef,
      artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
      notifications: { emailSubscriptions: approverEmails },
      stages: [
        {
          name: "Source",
          actions: [
            {
              codeCommitSource: {
                repositoryName: repo.repositoryName,
                repositoryArn: repo.repositoryArn,
                keyArn: repo.keyArn,
                branch: "main",
              },
            },
          ],
        },
        {
          name: "BuildAndTest",
          actions: [
            {
              codeBuild: {
                projectName: test.projectName,
                projectArn: test.projectArn,
                projectRoleName: test.roleName,
                projectRoleArn: test.roleArn,
              },
            },
          ],
        },
        { name: "DeployDev", actions: [{ beanstalkDeploy: deployTo(dev) }] },
        { name: "Approve", actions: [{ manualApproval: { notifyEmails: approverEmails, message: "Promote to prod?" } }] },
        { name: "DeployProd", actions: [{ beanstalkDeploy: deployTo(prod) }] },
      ],
    });
    await settle();
    fromSchema = [...recorded];
    fromTypeScript = (await runProgram(path.join(__dirname, "../../examples/beanstalk-pipeline/index.ts"))).resources;
  });

  const inputsOf = (resources: RecordedResource[], type: string, name: string) => {
    useProgramResources({ resources } as never);
    return findResource(type, name).inputs;
  };

  it("returns a value for every output the schema marks as always present", async () => {
    const { schema } = await hostedSchema();
    const missing: string[] = [];
    for (const [id, state] of Object.entries(states)) {
      const resource = schema.resources[TOKEN(id.slice(0, id.indexOf("(")))];
      expect(Object.keys(state).sort(), id).to.deep.equal(Object.keys(resource.properties ?? {}).sort());
      for (const output of resource.required ?? []) if (state[output] === undefined) missing.push(`${id}.${output}`);
    }
    expect(missing).to.deep.equal([]);
    expect(await new Promise((resolve) => pulumi.output(states["Pipeline(app)"].pipelineName).apply(resolve))).to.equal(
      "aws-cicd-test-test-app",
    );
  });

  it("builds the same pipeline as the TypeScript flagship: stages, actions and their configuration", () => {
    const stages = (resources: RecordedResource[]) => inputsOf(resources, "aws:codepipeline/pipeline:Pipeline", "app-pipeline").stages;
    expect(stages(fromSchema).map((s: { name: string }) => s.name)).to.deep.equal([
      "Source",
      "BuildAndTest",
      "DeployDev",
      "Approve",
      "DeployProd",
    ]);
    expect(stages(fromSchema)).to.deep.equal(stages(fromTypeScript));
  });

  it("gives the pipeline role the same statements as the TypeScript flagship", () => {
    const statements = (resources: RecordedResource[]) => {
      useProgramResources({ resources } as never);
      return policyStatementsOf("app-role");
    };
    expect(statements(fromSchema)).to.deep.equal(statements(fromTypeScript));
  });

  it("creates the same resources as the TypeScript flagship", () => {
    const names = (resources: RecordedResource[]) => resources.map((r) => `${r.type} ${r.name}`).sort();
    expect(fromSchema.length).to.be.greaterThan(50);
    expect(names(fromSchema)).to.deep.equal(names(fromTypeScript));
  });
});
