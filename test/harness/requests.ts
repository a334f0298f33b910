// The RegisterResource requests the monitor receives (the engine's view of a registration), for
// specs that prove two ways of registering a resource send the very same thing (issue 12).
import { settle } from "./unwrap";

/** One request as `toObject()` gives it. */
export type RegisterRequest = Record<string, any>;

/** What `body` sent to the monitor, by resource name: each registration, and each component's registered outputs by URN. */
export interface SentRequests {
  registrations: Map<string, RegisterRequest>;
  outputs: Map<string, RegisterRequest>;
}

/** Runs `body`, waits until the program settles, and returns what the monitor received meanwhile. */
export async function sentRequests(body: () => void): Promise<SentRequests> {
  const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any }).getMonitor();
  const [register, outputs] = [monitor.registerResource, monitor.registerResourceOutputs];
  const sent: SentRequests = { registrations: new Map(), outputs: new Map() };
  monitor.registerResource = (req: any, callback: unknown) => {
    sent.registrations.set(req.getName(), req.toObject());
    return register.call(monitor, req, callback);
  };
  monitor.registerResourceOutputs = (req: any, callback: unknown) => {
    sent.outputs.set(req.getUrn(), req.toObject());
    return outputs.call(monitor, req, callback);
  };
  try {
    body();
    await settle();
  } finally {
    monitor.registerResource = register;
    monitor.registerResourceOutputs = outputs;
  }
  return sent;
}
