// A private CodeCommit repository and a CodeBuild project that tests its main branch.
// Deploy with `pulumi up` (see README.md); everything is encrypted with one customer key.
import * as cicd from "aws-cicd";

const config = {
  /** Who gets the repository's pull-request and branch notifications. */
  notifyEmails: ["team-lead@example.com"],
};

// One customer managed key for the whole stack (about $1 a month).
const key = new cicd.EncryptionKey("cicd");

const repo = new cicd.CodeCommitRepo("app", {
  description: "Sample application",
  encryptionKey: key,
  notifications: { emailSubscriptions: config.notifyEmails },
});

// Runs on demand (or from an EventBridge rule) against the repository's main branch.
const tests = new cicd.BuildProject("tests", {
  encryptionKey: key,
  source: { codeCommit: { repository: repo, branch: "main" } },
  buildSpec: {
    version: "0.2",
    phases: {
      install: { "runtime-versions": { nodejs: "22" } },
      pre_build: { commands: ['grep -Fq "Congratulations" index.html'] },
      build: { commands: ["npm test"] },
    },
  },
  monitoring: { emailSubscriptions: config.notifyEmails },
});

export const cloneUrlGrc = repo.cloneUrlGrc;
export const cloneUrlHttp = repo.cloneUrlHttp;
export const repositoryArn = repo.repositoryArn;
export const projectName = tests.projectName;
export const logGroupName = tests.logGroupName;
export const keyAlias = key.aliasName;
