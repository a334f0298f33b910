import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, fromTemplate, settingOf } from "./settings";

export const ebVpc = resourceRule(
  {
    id: "aws-cicd-eb-vpc",
    service: "beanstalk",
    description:
      "Elastic Beanstalk environments run in a VPC given explicitly (aws:ec2:vpc VPCId). Advisory by default: BeanstalkTarget documents the default VPC as its no-setup default; set the rule mandatory where private subnets are required.",
    severity: "medium",
    remediation: "Set the aws:ec2:vpc VPCId and Subnets settings (BeanstalkTarget: `vpc`).",
    tier: "strict",
    references: { cdkNag: ["EB1"] },
    preview:
      "Judges the environment's option settings and those of the configuration template it names; a setting whose value is unknown leaves that environment alone unjudged until `pulumi up`.",
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (!fromTemplate(props, "aws:ec2:vpc", "VPCId") && !settingOf(props, "aws:ec2:vpc", "VPCId"))
      report("Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`).");
  },
);
