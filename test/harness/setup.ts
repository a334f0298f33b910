// Loaded by mocha (see .mocharc.json) before any spec, so mocks exist before components are imported.
import { installMocks, resetRecorded } from "./mocks";

installMocks();

export const mochaHooks = {
  beforeEach(): void {
    resetRecorded();
  },
};
