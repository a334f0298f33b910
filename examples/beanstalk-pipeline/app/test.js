// The sample's unit test, run by CodeBuild with `npm test`: no dependencies, plain node:assert.
const assert = require("node:assert");
const server = require("./server");

server.listen(0, async () => {
  const { port } = server.address();
  try {
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    assert.match(page, /Congratulations/);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    assert.strictEqual(health.status, 200);
    console.log("sample app: page and health check OK");
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    server.close();
  }
});
