// The programs the benchmarks synthesize: N copies of the flagship flow (examples/beanstalk-pipeline),
// the simple fleet (N repository-build-pipeline trios) and a services file of N services (ServiceFleet). Each returns the stack outputs to resolve.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { NETWORK } from "../test/examples/example-config";
import { generatedServicesYaml } from "../test/platform/generated-fleet";

type Cicd = typeof import("aws-cicd");

/** The flagship's approvers, shared by every copy (the example reads them from config). */
const APPROVERS = ["lead@example.com"];

/**
 * N copies of the flagship flow: a repository, a build, dev and prod Beanstalk environments sharing
 * one application (in a VPC; prod HTTPS-only with load balancer access logs), and a five-stage
 * pipeline with notifications whose artifact bucket logs to the log bucket. The production settings
 * are the sample ones the tests give the example. Like the flagship, the whole stack
 * shares one `EncryptionKey`. Copy 0 has the example's own names, so N = 1 is the example's graph.
 */
export function flagshipFleet(cicd: Cicd, n: number): Record<string, unknown> {
  const key = new cicd.EncryptionKey("cicd");
  const { vpcId, publicSubnetIds, privateSubnetIds, certificateArn, logBucket } = NETWORK;
  const exported: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const s = i === 0 ? "" : String(i);
    const repo = new cicd.CodeCommitRepo(`app${s}`, { description: "Sample web app", encryptionKey: key });
    const test = new cicd.BuildProject(`test${s}`, { encryptionKey: key });
    const dev = new cicd.BeanstalkTarget(`dev${s}`, { encryptionKey: key, vpc: { vpcId, instanceSubnetIds: publicSubnetIds } });
    const prod = new cicd.BeanstalkTarget(`prod${s}`, {
      application: dev.application,
      environmentType: "LoadBalanced",
      encryptionKey: key,
      vpc: { vpcId, instanceSubnetIds: privateSubnetIds, loadBalancerSubnetIds: publicSubnetIds },
      loadBalancer: { certificateArn, accessLogs: { bucketName: logBucket } },
    });
    const pipeline = new cicd.Pipeline(`app${s}`, {
      encryptionKey: key,
      artifactBucketOptions: { accessLogs: { bucketName: logBucket } },
      notifications: { emailSubscriptions: APPROVERS },
      stages: [
        { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
        { name: "BuildAndTest", actions: [test.buildAction()] },
        { name: "DeployDev", actions: [dev.deployAction()] },
        { name: "Approve", actions: [cicd.manualApprovalAction({ notifyEmails: APPROVERS, message: "Promote to prod?" })] },
        { name: "DeployProd", actions: [prod.deployAction()] },
      ],
    });
    exported[`cloneUrlGrc${s}`] = repo.cloneUrlGrc;
    exported[`cloneUrlHttp${s}`] = repo.cloneUrlHttp;
    exported[`pipelineUrl${s}`] = pipeline.consoleUrl;
    exported[`devUrl${s}`] = pulumi.interpolate`http://${dev.endpointUrl}`;
    exported[`prodUrl${s}`] = pulumi.interpolate`https://${prod.endpointUrl}`;
  }
  return exported;
}

/** N independent pipelines, each a CodeCommit repository, a CodeBuild project and a two-stage Pipeline. */
export function simpleFleet(cicd: Cicd, n: number): Record<string, unknown> {
  const key = new cicd.EncryptionKey("cicd");
  const exported: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const repo = new cicd.CodeCommitRepo(`app${i}`, { description: `Service ${i}`, encryptionKey: key });
    const build = new cicd.BuildProject(`test${i}`, {
      encryptionKey: key,
      source: { codeCommit: { repository: repo, branch: "main" } },
    });
    const pipeline = new cicd.Pipeline(`app${i}`, {
      encryptionKey: key,
      stages: [
        { name: "Source", actions: [repo.sourceAction({ branch: "main" })] },
        { name: "Build", actions: [build.buildAction()] },
      ],
    });
    exported[`pipelineUrl${i}`] = pipeline.consoleUrl;
  }
  return exported;
}

/**
 * A platform team's services file of N services (test/platform/generated-fleet.ts: five teams, the
 * tools account and one prod account, dev and prod tiers, Beanstalk, EC2 fleet and Lambda targets in
 * turn), written to a temporary YAML file and stamped out by one `ServiceFleet`, as
 * examples/platform-fleet does with its 25. Reading and checking the file is part of the time.
 */
export function servicesFleet(cicd: Cicd, n: number): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-services-"));
  const file = path.join(dir, "services.yml");
  fs.writeFileSync(file, generatedServicesYaml(n, 1));
  try {
    const fleet = new cicd.ServiceFleet("platform", { servicesFile: file });
    return { pipelines: fleet.pipelineNames, artifactBucket: fleet.artifactBucketName };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The scenarios by name, as `synth-child.ts <scenario> <N>` takes them. */
export const SCENARIOS = { flagship: flagshipFleet, fleet: simpleFleet, services: servicesFleet } as const;
export type ScenarioName = keyof typeof SCENARIOS;
