// A dependency-free web server for the Elastic Beanstalk Node.js platform.
// Beanstalk's nginx proxy forwards to the port in PORT (8080 by default).
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const page = fs.readFileSync(path.join(__dirname, "index.html"));
const port = Number(process.env.PORT || 8080);

const server = http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(page);
});

if (require.main === module) {
  server.listen(port, () => console.log(`listening on ${port}`));
}

module.exports = server;
