import * as pulumi from "@pulumi/pulumi";

/** Stack configuration the examples read, as `pulumi config set` would give it (project aws-cicd-test). */
export const PROD_ACCOUNT = "210987654321";
export const BOOTSTRAP_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/pulumi-bootstrap`;
export const DEVELOPERS = "arn:aws:iam::444455556666:role/developers";

/** The production settings the flagship and the cross-account example require (network, certificate, log bucket). */
export const NETWORK = {
  vpcId: "vpc-0123456789abcdef0",
  publicSubnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
  privateSubnetIds: ["subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"],
  certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
  logBucket: "central-logs-123456789012",
};

/** `NETWORK` as stack configuration of `project`. */
export function networkConfig(
  project: string,
  keys: (keyof typeof NETWORK)[] = Object.keys(NETWORK) as (keyof typeof NETWORK)[],
): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [`${project}:${k}`, typeof NETWORK[k] === "string" ? NETWORK[k] : JSON.stringify(NETWORK[k])]));
}

const EXAMPLE_CONFIG: Record<string, Record<string, string>> = {
  "pulumi-delivery": { "aws-cicd-test:pulumiOrg": "acme", ...networkConfig("aws-cicd-test", ["logBucket"]) },
  "beanstalk-pipeline": networkConfig("aws-cicd-test"),
  "codedeploy-ec2": {
    "aws-cicd-test:vpcId": NETWORK.vpcId,
    "aws-cicd-test:subnetIds": JSON.stringify(NETWORK.privateSubnetIds),
    ...networkConfig("aws-cicd-test", ["logBucket"]),
    "aws-cicd-test:releaseAlarmName": "web-5xx",
  },
  "github-source": networkConfig("aws-cicd-test", ["logBucket"]),
  "lambda-canary": networkConfig("aws-cicd-test", ["logBucket"]),
  "cross-region": { ...networkConfig("aws-cicd-test", ["logBucket"]), "aws-cicd-test:euLogBucket": "central-logs-123456789012-eu-west-1" },
  "platform-fleet": {},
  "ecs-bluegreen": {
    "aws-cicd-test:vpcId": NETWORK.vpcId,
    "aws-cicd-test:subnetIds": JSON.stringify(NETWORK.privateSubnetIds),
    "aws-cicd-test:albSecurityGroupId": "sg-0123456789abcdef0",
    "aws-cicd-test:loadBalancerArnSuffix": "app/shop/50dc6c495c0c9188",
    "aws-cicd-test:targetGroupArns": JSON.stringify([
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/0123456789abcdef",
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/fedcba9876543210",
    ]),
    "aws-cicd-test:productionListenerArn":
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2",
    "aws-cicd-test:testListenerArn":
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/50dc6c495c0c9188/0467ef3c8400ae65",
    ...networkConfig("aws-cicd-test", ["logBucket"]),
  },
  "cross-account": {
    ...networkConfig("aws-cicd-test"),
    "aws-cicd-test:prodAccountId": PROD_ACCOUNT,
    "aws-cicd-test:prodBootstrapRoleArn": BOOTSTRAP_ROLE,
    "aws-cicd-test:developerRoleArns": JSON.stringify([DEVELOPERS]),
  },
};

/** Sets the configuration an example needs before it runs (a no-op for the others). */
export function configureExample(example: string): void {
  for (const [key, value] of Object.entries(EXAMPLE_CONFIG[example] ?? {})) pulumi.runtime.setConfig(key, value);
}
