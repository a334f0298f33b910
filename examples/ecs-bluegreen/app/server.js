// A tiny HTTP server; it writes nothing to disk (the root filesystem is read-only).
const http = require("http");
http
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("hello from the green task set\n");
  })
  .listen(8080);
