// Serves index.html on PORT (8080). No dependencies.
const http = require("http");
const fs = require("fs");
const path = require("path");

const page = fs.readFileSync(path.join(__dirname, "index.html"));
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(page);
});

if (require.main === module) server.listen(Number(process.env.PORT ?? 8080));
module.exports = server;
