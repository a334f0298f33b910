import { expect } from "chai";
import { BuildProject, vpcStatements } from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT, unwrap } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { baseStatements, CTX, deployed, fileReportsStatement } from "./build-project-fixtures";

const VPC = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
  securityGroupIds: ["sg-0cccccccccccccccc"],
};
const SUBNET_ARNS = [
  `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0aaaaaaaaaaaaaaaa`,
  `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0bbbbbbbbbbbbbbbb`,
];
const ENIS = `arn:aws:ec2:us-east-1:${ACCOUNT}:network-interface/*`;

describe("BuildProject", () => {
  describe("VPC", () => {
    it("runs in the VPC and gets only the network interface permissions CodeBuild needs there", async () => {
      const { project, statements } = await deployed(new BuildProject("build", { vpc: VPC }));
      expect(project.inputs.vpcConfig).to.deep.equal({
        vpcId: "vpc-0123456789abcdef0",
        subnets: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
        securityGroupIds: ["sg-0cccccccccccccccc"],
      });
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "DescribeBuildNetwork",
          Effect: "Allow",
          Action: [
            "ec2:DescribeDhcpOptions",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs",
          ],
          Resource: ["*"],
        },
        {
          Sid: "CreateBuildNetworkInterfaces",
          Effect: "Allow",
          Action: ["ec2:CreateNetworkInterface"],
          Resource: [ENIS, ...SUBNET_ARNS, `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0cccccccccccccccc`],
        },
        {
          Sid: "DeleteBuildNetworkInterfaces",
          Effect: "Allow",
          Action: ["ec2:DeleteNetworkInterface"],
          Resource: [ENIS],
          Condition: { StringEquals: { "ec2:Subnet": SUBNET_ARNS } },
        },
        {
          Sid: "LetCodeBuildUseBuildNetworkInterfaces",
          Effect: "Allow",
          Action: ["ec2:CreateNetworkInterfacePermission"],
          Resource: [ENIS],
          Condition: { StringEquals: { "ec2:Subnet": SUBNET_ARNS, "ec2:AuthorizedService": "codebuild.amazonaws.com" } },
        },
        fileReportsStatement(),
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("builds the VPC statements as a pure function", async () => {
      const statements = vpcStatements(["subnet-1"], ["sg-1"], CTX);
      expect(statements.map((s) => s.sid)).to.deep.equal([
        "DescribeBuildNetwork",
        "CreateBuildNetworkInterfaces",
        "DeleteBuildNetworkInterfaces",
        "LetCodeBuildUseBuildNetworkInterfaces",
      ]);
      expect(await unwrap(statements[1].resources!)).to.deep.equal([
        ENIS,
        `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-1`,
        `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-1`,
      ]);
    });
  });

  describe("timeouts and concurrency", () => {
    it("sets the given build and queued timeouts and the concurrent build limit", async () => {
      const { project } = await deployed(
        new BuildProject("build", { timeoutInMinutes: 2160, queuedTimeoutInMinutes: 5, concurrentBuildLimit: 2 }),
      );
      expect([project.inputs.buildTimeout, project.inputs.queuedTimeout, project.inputs.concurrentBuildLimit]).to.deep.equal([2160, 5, 2]);
    });

    it("leaves the concurrent build limit unset by default", async () => {
      const { project } = await deployed(new BuildProject("build"));
      expect(project.inputs).to.not.have.property("concurrentBuildLimit");
      expect(project.inputs).to.not.have.property("vpcConfig");
    });
  });
});
