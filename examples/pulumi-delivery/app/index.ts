// The application the pipeline delivers: one encrypted SQS queue per stack (dev, prod), named
// `shop-<stack>-orders`, so that the pipeline's update roles may manage exactly that queue.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const queue = new aws.sqs.Queue("orders", {
  name: `shop-${pulumi.getStack()}-orders`,
  sqsManagedSseEnabled: true,
  messageRetentionSeconds: 345600,
});

export const queueUrl = queue.url;
