// Starts the server on a free port and checks the page.
const assert = require("assert");
const http = require("http");
const server = require("./server");

server.listen(0, () => {
  http.get(`http://127.0.0.1:${server.address().port}/`, (res) => {
    let body = "";
    res.on("data", (c) => (body += c));
    res.on("end", () => {
      assert.strictEqual(res.statusCode, 200);
      assert.ok(body.includes("Congratulations"));
      server.close();
      console.log("ok");
    });
  });
});
