import { expect } from "chai";
import { BeanstalkTarget } from "../../packages/aws-cicd/src/beanstalk";
import { calls, findResource } from "../harness";
import { deployed, ENV, SECURE_DEFAULTS, settingsOf } from "./beanstalk-target-fixtures";

/** BeanstalkTarget's platform, fleet and extra settings; its defaults, application, secrets and validation are in beanstalk-target.spec.ts. */
describe("BeanstalkTarget", () => {
  describe("platform and fleet", () => {
    it("uses an exact solution stack without an invoke, and a given regex otherwise", async () => {
      const a = new BeanstalkTarget("a", { solutionStackName: "64bit Amazon Linux 2023 v6.5.0 running Node.js 20" });
      await deployed(a);
      expect(findResource(ENV, "a-environment").inputs.solutionStackName).to.equal("64bit Amazon Linux 2023 v6.5.0 running Node.js 20");
      expect(calls.filter((c) => c.token.includes("getSolutionStack"))).to.deep.equal([]);
      const b = new BeanstalkTarget("b", { solutionStackRegex: "^64bit Amazon Linux 2023 (.*) running Python 3.13$" });
      await deployed(b);
      expect(calls.filter((c) => c.token.includes("getSolutionStack")).map((c) => c.inputs.nameRegex)).to.deep.equal([
        "^64bit Amazon Linux 2023 (.*) running Python 3.13$",
      ]);
    });

    it("builds a load-balanced environment with an ALB, group bounds and immutable deployments", async () => {
      const t = new BeanstalkTarget("web", { environmentType: "LoadBalanced", minSize: 2, maxSize: 4 });
      await deployed(t);
      expect(settingsOf("web-environment")).to.deep.equal(
        SECURE_DEFAULTS("LoadBalanced", "Immutable", ["aws:autoscaling:asg MinSize=2", "aws:autoscaling:asg MaxSize=4"]),
      );
    });

    it("defaults a load-balanced group to 1..2 and keeps maxSize at least minSize", async () => {
      const a = new BeanstalkTarget("a", { environmentType: "LoadBalanced" });
      const b = new BeanstalkTarget("b", { environmentType: "LoadBalanced", minSize: 3 });
      await deployed(a);
      await deployed(b);
      expect(settingsOf("a-environment").filter((s) => s.startsWith("aws:autoscaling:asg"))).to.deep.equal([
        "aws:autoscaling:asg MinSize=1",
        "aws:autoscaling:asg MaxSize=2",
      ]);
      expect(settingsOf("b-environment").filter((s) => s.startsWith("aws:autoscaling:asg"))).to.deep.equal([
        "aws:autoscaling:asg MinSize=3",
        "aws:autoscaling:asg MaxSize=3",
      ]);
    });

    const policies: [string, object, string][] = [
      ["single instance immutable", { deploymentPolicy: "Immutable" }, "Immutable"],
      [
        "load-balanced with an additional batch",
        { environmentType: "LoadBalanced", deploymentPolicy: "RollingWithAdditionalBatch" },
        "RollingWithAdditionalBatch",
      ],
      ["load-balanced all at once", { environmentType: "LoadBalanced", deploymentPolicy: "AllAtOnce" }, "AllAtOnce"],
    ];
    for (const [what, args, expected] of policies) {
      it(`sets the deployment policy for ${what}`, async () => {
        const t = new BeanstalkTarget("web", args);
        await deployed(t);
        expect(settingsOf("web-environment")).to.include(`aws:elasticbeanstalk:command DeploymentPolicy=${expected}`);
      });
    }

    it("sets the VPC, subnets and public IP choice", async () => {
      const t = new BeanstalkTarget("web", {
        environmentType: "LoadBalanced",
        instanceType: "t3.small",
        vpc: {
          vpcId: "vpc-1",
          instanceSubnetIds: ["subnet-a", "subnet-b"],
          loadBalancerSubnetIds: ["subnet-c", "subnet-d"],
          associatePublicIpAddress: false,
        },
      });
      await deployed(t);
      const s = settingsOf("web-environment");
      expect(s).to.include("aws:ec2:instances InstanceTypes=t3.small");
      expect(s.filter((x) => x.startsWith("aws:ec2:vpc"))).to.deep.equal([
        "aws:ec2:vpc VPCId=vpc-1",
        "aws:ec2:vpc Subnets=subnet-a,subnet-b",
        "aws:ec2:vpc ELBSubnets=subnet-c,subnet-d",
        "aws:ec2:vpc AssociatePublicIpAddress=false",
      ]);
    });

    it("sets log retention, the update window and level, and optional account EBS encryption", async () => {
      const t = new BeanstalkTarget("web", {
        logRetentionInDays: 731,
        managedUpdates: { preferredStartTime: "Tue:03:30", updateLevel: "patch" },
        enableEbsEncryptionByDefault: true,
      });
      await deployed(t);
      const s = settingsOf("web-environment");
      expect(s).to.include.members([
        "aws:elasticbeanstalk:cloudwatch:logs RetentionInDays=731",
        "aws:elasticbeanstalk:cloudwatch:logs:health RetentionInDays=731",
        "aws:elasticbeanstalk:managedactions PreferredStartTime=Tue:03:30",
        "aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel=patch",
      ]);
      const ebs = findResource("aws:ebs/encryptionByDefault:EncryptionByDefault", "web-ebs-encryption");
      expect(ebs.inputs).to.deep.equal({ enabled: true });
      expect(ebs.options.retainOnDelete).to.equal(true);
    });
  });

  describe("extra settings", () => {
    it("appends other settings and lets defaults such as the root volume type be replaced", async () => {
      const t = new BeanstalkTarget("web", {
        settings: [
          { namespace: "aws:elasticbeanstalk:environment:process:default", name: "HealthCheckPath", value: "/health" },
          { namespace: "aws:autoscaling:launchconfiguration", name: "RootVolumeType", value: "io1" },
          { namespace: "aws:autoscaling:scheduledaction", name: "MinSize", value: "0", resource: "Night" },
        ],
      });
      await deployed(t);
      const s = settingsOf("web-environment");
      expect(s).to.include("aws:autoscaling:launchconfiguration RootVolumeType=io1");
      expect(s).to.not.include("aws:autoscaling:launchconfiguration RootVolumeType=gp3");
      expect(s.slice(-2)).to.deep.equal([
        "aws:elasticbeanstalk:environment:process:default HealthCheckPath=/health",
        "aws:autoscaling:scheduledaction MinSize=0 (Night)",
      ]);
    });

    it("replaces a security setting only with the explicit opt-out", async () => {
      const t = new BeanstalkTarget("web", {
        allowInsecureSettingOverrides: true,
        settings: [{ namespace: "aws:autoscaling:launchconfiguration", name: "DisableIMDSv1", value: "false" }],
      });
      await deployed(t);
      const s = settingsOf("web-environment");
      expect(s).to.include("aws:autoscaling:launchconfiguration DisableIMDSv1=false");
      expect(s).to.not.include("aws:autoscaling:launchconfiguration DisableIMDSv1=true");
    });
  });
});
