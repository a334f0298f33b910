/** Who and where the mock engine pretends the program runs. */
export interface EngineIdentity {
  account: string;
  region: string;
  partition: string;
}

/** The identity `aws-cicd synth` and the tests use unless told otherwise. */
export const DEFAULT_IDENTITY: EngineIdentity = { account: "123456789012", region: "us-east-1", partition: "aws" };
