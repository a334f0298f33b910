import { defined, pick, policyJson, ServiceTranslations } from "./context";

/** SNS: topics and topic policies (subscriptions carry nothing the rules judge). */
export const sns: ServiceTranslations = {
  "aws:sns/topic:Topic": {
    // Ref of AWS::SNS::Topic is the topic ARN.
    exposes: (r) => [
      [r.state.arn, "Ref"],
      [r.id, "Ref"],
      [r.state.name, "TopicName"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::SNS::Topic",
      Properties: defined({
        ...pick(r.inputs, { name: "TopicName", displayName: "DisplayName", fifoTopic: "FifoTopic" }),
        KmsMasterKeyId: ctx.link(r.inputs.kmsMasterKeyId),
      }),
    }),
  },
  "aws:sns/topicPolicy:TopicPolicy": {
    translate: (r, ctx) => ({
      Type: "AWS::SNS::TopicPolicy",
      Properties: { Topics: [ctx.link(r.inputs.arn)], PolicyDocument: ctx.link(policyJson(r.inputs.policy)) },
    }),
  },
  "aws:sns/topicSubscription:TopicSubscription": {
    translate: (r, ctx) => ({
      Type: "AWS::SNS::Subscription",
      Properties: defined({ TopicArn: ctx.link(r.inputs.topic), Protocol: r.inputs.protocol, Endpoint: ctx.link(r.inputs.endpoint) }),
    }),
  },
};
