import { expect } from "chai";
import { EcsServiceTarget } from "../../packages/aws-cicd/src/ecs";
import { EncryptionKey } from "../../packages/aws-cicd/src/security";
import { ACCOUNT, findResource, policyStatementsOf, resourcesOfType, statementsOf, trustStatementsOf, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BLUE_GREEN, BLUE_TG, deployed, ECS } from "./fixtures";

const NAME = "aws-cicd-test-test-api";
const FARGATE = { vpcId: "vpc-123", subnetIds: ["subnet-a", "subnet-b"], containerPort: 8080 };
const inputs = (type: string, name: string) => findResource(type, name).inputs;
const container = () => JSON.parse(inputs("aws:ecs/taskDefinition:TaskDefinition", "api-task").containerDefinitions)[0];

describe("EcsServiceTarget", () => {
  describe("created Fargate service", () => {
    it("creates an ECR repository with immutable tags, scan on push, encryption under its customer key and a lifecycle policy", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      expect(inputs("aws:ecr/repository:Repository", "api-repository")).to.deep.equal({
        name: NAME,
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/api-key-key-id` }],
      });
      const lifecycle = inputs("aws:ecr/lifecyclePolicy:LifecyclePolicy", "api-repository-lifecycle");
      expect(lifecycle.repository).to.equal(NAME);
      expect(JSON.parse(lifecycle.policy)).to.deep.equal({
        rules: [
          {
            rulePriority: 1,
            description: "Expire untagged images after 14 days",
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: "Keep the newest 100 images",
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 },
            action: { type: "expire" },
          },
        ],
      });
    });

    it("creates its key so that ECR may create and retire grants on it, through ECR and for this account's callers only", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      const statements = statementsOf(findResource("aws:kms/key:Key", "api-key-key").inputs.policy);
      expect(statements.filter((s) => s.Sid === "AccountEncryptsEcrRepositories")).to.deep.equal([
        {
          Sid: "AccountEncryptsEcrRepositories",
          Effect: "Allow",
          Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] },
          Action: ["kms:CreateGrant", "kms:RetireGrant"],
          Resource: ["*"],
          Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "ecr.us-east-1.amazonaws.com" } },
        },
      ]);
    });

    it("encrypts the repository and the logs under a given key that allows ECR repositories", async () => {
      const key = new EncryptionKey("shared", { allowEcrRepositories: true });
      await deployed(new EcsServiceTarget("api", { fargateService: { ...FARGATE, encryptionKey: key } }));
      const arn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/shared-key-id`;
      expect(inputs("aws:ecr/repository:Repository", "api-repository").encryptionConfigurations).to.deep.equal([
        { encryptionType: "KMS", kmsKey: arn },
      ]);
      expect(inputs("aws:cloudwatch/logGroup:LogGroup", "api-logs").kmsKeyId).to.equal(arn);
      expect(resourcesOfType("aws:kms/key:Key").map((r) => r.name)).to.deep.equal(["shared-key"]);
    });

    it("throws before creating anything when given an EncryptionKey that does not allow ECR repositories", () => {
      const key = new EncryptionKey("plain");
      expect(() => new EcsServiceTarget("api", { fargateService: { ...FARGATE, encryptionKey: key } })).to.throw(
        "`fargateService.encryptionKey` also encrypts the service's ECR repository, so its key policy must let ECR create grants, got an EncryptionKey without `allowEcrRepositories`; create it with `new EncryptionKey(name, { allowEcrRepositories: true })`.",
      );
      expect(resourcesOfType("aws:ecr/repository:Repository")).to.deep.equal([]);
    });

    it("runs a non-root container with a read-only root filesystem, logging to a log group encrypted under its key", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      expect(container()).to.deep.equal({
        name: "app",
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${NAME}:initial`,
        essential: true,
        user: "1000:1000",
        readonlyRootFilesystem: true,
        privileged: false,
        portMappings: [{ containerPort: 8080, protocol: "tcp" }],
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": `/aws/ecs/${NAME}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" },
        },
      });
      const logs = inputs("aws:cloudwatch/logGroup:LogGroup", "api-logs");
      expect(logs.retentionInDays).to.equal(365);
      expect(logs.kmsKeyId).to.match(/^arn:aws:kms:us-east-1:123456789012:key\//);
      expect(inputs("aws:ecs/taskDefinition:TaskDefinition", "api-task")).to.include({
        family: NAME,
        networkMode: "awsvpc",
        cpu: "256",
        memory: "512",
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/api-execution-role`,
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/api-task-role`,
      });
    });

    it("places the tasks in the private subnets without public IP, in a new cluster with Container Insights, rolling with a circuit breaker", async () => {
      const t = await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      const svc = inputs("aws:ecs/service:Service", "api-service");
      expect(svc.networkConfiguration).to.deep.equal({
        subnets: ["subnet-a", "subnet-b"],
        securityGroups: [svc.networkConfiguration.securityGroups[0]],
        assignPublicIp: false,
      });
      expect(svc).to.include({ launchType: "FARGATE", desiredCount: 2, propagateTags: "SERVICE", enableEcsManagedTags: true });
      expect(svc.deploymentController).to.deep.equal({ type: "ECS" });
      expect(svc.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
      expect(svc.loadBalancers).to.equal(undefined);
      expect(inputs("aws:ecs/cluster:Cluster", "api-cluster").settings).to.deep.equal([{ name: "containerInsights", value: "enabled" }]);
      expect(await unwrap([t.serviceArn, t.taskDefinitionFamilyArn])).to.deep.equal([
        `${ECS}:service/${NAME}/${NAME}`,
        `${ECS}:task-definition/${NAME}`,
      ]);
    });

    it("opens only HTTPS egress, and the container port to the named groups", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: { ...FARGATE, ingressSecurityGroupIds: ["sg-alb"] } }));
      expect(resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => r.inputs)).to.deep.equal([
        {
          securityGroupId: "api-sg-id",
          description: "HTTPS to ECR, CloudWatch Logs and AWS APIs",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4: "0.0.0.0/0",
        },
      ]);
      const ingress = resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs);
      expect(ingress.map((r) => [r.fromPort, r.toPort, r.referencedSecurityGroupId, r.cidrIpv4])).to.deep.equal([
        [8080, 8080, "sg-alb", undefined],
      ]);
    });

    it("gives the execution role exactly the repository pull and the log group writes, and the task role nothing", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      const trust = [{ Effect: "Allow", Principal: { Service: ["ecs-tasks.amazonaws.com"] }, Action: ["sts:AssumeRole"], Resource: [] }];
      expect(trustStatementsOf("api-execution-role")).to.deep.equal(trust);
      expect(trustStatementsOf("api-task-role")).to.deep.equal(trust);
      expect(policyStatementsOf("api-execution-role")).to.deep.equal([
        { Sid: "GetEcrAuthorizationToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
        {
          Sid: "PullServiceImages",
          Effect: "Allow",
          Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          Resource: [`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${NAME}`],
        },
        {
          Sid: "WriteServiceLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/ecs/${NAME}:log-stream:*`],
        },
      ]);
      expect(policyStatementsOf("api-task-role")).to.deep.equal([]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("takes the writable root filesystem opt-out, a size and a cluster of yours", async () => {
      await deployed(
        new EcsServiceTarget("api", {
          fargateService: { ...FARGATE, readonlyRootFilesystem: false, cpu: 512, memory: 2048, clusterName: "shop" },
        }),
      );
      expect(container().readonlyRootFilesystem).to.equal(false);
      expect(resourcesOfType("aws:ecs/cluster:Cluster")).to.deep.equal([]);
      expect(inputs("aws:ecs/service:Service", "api-service").cluster).to.equal("shop");
      expect(inputs("aws:ecs/taskDefinition:TaskDefinition", "api-task")).to.include({ cpu: "512", memory: "2048" });
    });

    it("starts a blue/green service on the blue target group under the CodeDeploy controller, and passes its own roles", async () => {
      await deployed(new EcsServiceTarget("api", { fargateService: FARGATE, blueGreen: BLUE_GREEN }));
      const svc = inputs("aws:ecs/service:Service", "api-service");
      expect(svc.deploymentController).to.deep.equal({ type: "CODE_DEPLOY" });
      expect(svc.deploymentCircuitBreaker).to.equal(undefined);
      expect(svc.loadBalancers).to.deep.equal([{ targetGroupArn: BLUE_TG, containerName: "app", containerPort: 8080 }]);
      expect(inputs("aws:codedeploy/deploymentGroup:DeploymentGroup", "api-deployment-group").ecsService).to.deep.equal({
        clusterName: NAME,
        serviceName: NAME,
      });
      expect(policyStatementsOf("api-codedeploy-role").find((s) => s.Sid === "PassEcsTaskRoles")?.Resource).to.deep.equal([
        `arn:aws:iam::${ACCOUNT}:role/api-task-role`,
        `arn:aws:iam::${ACCOUNT}:role/api-execution-role`,
      ]);
    });

    it("lets a build role push images to exactly the created repository", async () => {
      const t = await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      t.grantImagePush(`arn:aws:iam::${ACCOUNT}:role/build-role`);
      await deployed(t);
      expect(inputs("aws:iam/rolePolicy:RolePolicy", "api-image-push-build-role").role).to.equal("build-role");
      expect(statementsOf(inputs("aws:iam/rolePolicy:RolePolicy", "api-image-push-build-role").policy)).to.deep.equal([
        { Sid: "GetEcrAuthorizationToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
        {
          Sid: "PushServiceImages",
          Effect: "Allow",
          Action: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
          ],
          Resource: [`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${NAME}`],
        },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("refuses an image-push grant on an existing service, and an account root", async () => {
      const existing = await deployed(
        new EcsServiceTarget("old", { existingService: { clusterName: "c", serviceName: "s", taskDefinitionFamily: "f" } }),
      );
      expect(() => existing.grantImagePush("build-role")).to.throw("`grantImagePush()` needs the repository of a created service");
      const t = await deployed(new EcsServiceTarget("api", { fargateService: FARGATE }));
      expect(() => t.grantImagePush(`arn:aws:iam::${ACCOUNT}:root`)).to.throw("`role`");
    });
  });
});
