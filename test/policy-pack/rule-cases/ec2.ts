// The case tables of EC2 fleets (launch templates, security groups): ec2.spec describes them,
// preview.spec and tiers.spec drive them again (through index.ts). Plain data: this module declares
// no mocha test.
import { policies } from "../../../packages/policy-pack/src/policies";
import { rule, type ResourceCase } from "../cases";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const b64 = (s: string) => Buffer.from(s).toString("base64");

/** Resource-rule cases: a compliant and a non-compliant resource with the exact messages. */
export const EC2_CASES: ResourceCase[] = [
  {
    rule: rule(policies, "aws-cicd-ec2-ebs-encrypted"),
    type: LT,
    compliant: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] },
    noncompliant: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] },
    messages: ['Launch template volume "/dev/xvda" is not encrypted.'],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-imdsv2"),
    type: LT,
    compliant: { metadataOptions: { httpTokens: "required" } },
    noncompliant: { metadataOptions: { httpTokens: "optional" } },
    messages: ["Instance metadata does not require IMDSv2 (`metadataOptions.httpTokens`)."],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-no-public-ip"),
    type: LT,
    compliant: { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false" }] },
    noncompliant: { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] },
    messages: ["Network interface 0 associates a public IP address."],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-detailed-monitoring"),
    type: LT,
    compliant: { monitoring: { enabled: true } },
    noncompliant: {},
    messages: ["EC2 detailed monitoring is not enabled."],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-no-open-ingress"),
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    compliant: { cidrIpv4: "10.0.0.0/8" },
    noncompliant: { cidrIpv4: "0.0.0.0/0" },
    messages: ["Security group rule allows ingress from 0.0.0.0/0."],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-no-open-ingress"),
    type: "aws:ec2/securityGroup:SecurityGroup",
    compliant: { ingress: [] },
    noncompliant: { ingress: [{ fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] },
    messages: ["Security group allows ingress from 0.0.0.0/0 on ports 22-22."],
  },
  {
    rule: rule(policies, "aws-cicd-ec2-user-data-secrets"),
    type: LT,
    compliant: { userData: b64("#!/bin/bash\nexport STAGE=prod\n") },
    noncompliant: { userData: b64("#!/bin/bash\nexport DB_PASSWORD=hunter2\n") },
    messages: ['EC2 user data looks like it holds a secret: "DB_PASSWORD" is set in it and its name says it holds a secret.'],
  },
];
