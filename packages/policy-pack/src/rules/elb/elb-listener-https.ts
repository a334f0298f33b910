import { resourceRule } from "../rule";

/** An action that answers HTTP with a redirect to HTTPS. */
function redirectsToHttps(action: Record<string, any> | undefined): boolean {
  return action?.type === "redirect" && String(action.redirect?.protocol ?? "").toUpperCase() === "HTTPS";
}

export const elbListenerHttps = resourceRule(
  {
    id: "aws-cicd-elb-listener-https",
    service: "elb",
    description:
      "Application Load Balancer listeners (such as the production and test listeners of an ECS blue/green deployment) use HTTPS, or only redirect HTTP to HTTPS.",
    severity: "high",
    remediation:
      'Use `protocol: "HTTPS"` with a certificate and a current `sslPolicy`, or make the HTTP listener\'s only default action a redirect to HTTPS.',
    tier: "strict",
    references: {},
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
  (props, report) => {
    if (props.protocol !== "HTTP") return;
    const actions: Record<string, any>[] = Array.isArray(props.defaultActions) ? props.defaultActions : [];
    if (actions.length > 0 && actions.every(redirectsToHttps)) return;
    report(`Listener on port ${props.port ?? "?"} serves plain HTTP instead of redirecting to HTTPS.`);
  },
);
