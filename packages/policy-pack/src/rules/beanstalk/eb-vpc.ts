import { resourceRule } from "../rule";
import { BEANSTALK_TYPES, settingOf } from "./settings";

export const ebVpc = resourceRule(
  {
    id: "aws-cicd-eb-vpc",
    service: "beanstalk",
    description:
      "Elastic Beanstalk environments run in a VPC given explicitly (aws:ec2:vpc VPCId). Advisory by default: BeanstalkTarget documents the default VPC as its no-setup default; set the rule mandatory where private subnets are required.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediation: "Set the aws:ec2:vpc VPCId and Subnets settings (BeanstalkTarget: `vpc`).",
    references: { cdkNag: ["EB1"] },
  },
  BEANSTALK_TYPES,
  (props, report) => {
    if (!settingOf(props, "aws:ec2:vpc", "VPCId")) report("Elastic Beanstalk environment sets no VPC (`aws:ec2:vpc` `VPCId`).");
  },
);
