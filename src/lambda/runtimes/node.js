// apigw's runtime loop for nodejs* functions: the Lambda Runtime API client a
// node Lambda function's process runs, with node's own modules only (nothing
// to install). apigw starts it as `node THIS_FILE` with _HANDLER,
// LAMBDA_TASK_ROOT and AWS_LAMBDA_RUNTIME_API set, as the service's own node
// runtime is started. Handlers may be async, return a promise, or take a
// callback; modules may be CommonJS (.js, .cjs) or ES modules (.mjs, or .js
// under "type": "module").
"use strict";
const http = require("http");
const path = require("path");
const fs = require("fs");
const { pathToFileURL } = require("url");

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BASE = "/2018-06-01/runtime";

function call(method, route, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port, method, path: BASE + route, agent, headers: headers || {} },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      }
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function errorDocument(err, type) {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    errorType: type || e.name || "Error",
    errorMessage: e.message,
    trace: (e.stack || "").split("\n"),
  };
}

function postError(route, doc) {
  return call("POST", route, JSON.stringify(doc), {
    "Content-Type": "application/json",
    "Lambda-Runtime-Function-Error-Type": doc.errorType,
  });
}

async function loadHandler() {
  const spec = process.env._HANDLER || "";
  const dot = spec.lastIndexOf(".");
  if (dot <= 0 || dot === spec.length - 1) {
    throw Object.assign(new Error(`Bad handler ${spec}`), { lambdaType: "Runtime.MalformedHandlerName" });
  }
  const file = spec.slice(0, dot);
  const name = spec.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT || ".";
  const base = path.resolve(root, file);
  const found = [".js", ".mjs", ".cjs"].map((ext) => base + ext).find((p) => fs.existsSync(p));
  if (!found) {
    throw Object.assign(new Error(`Cannot find module '${file}'`), { lambdaType: "Runtime.ImportModuleError" });
  }
  let mod;
  try {
    if (found.endsWith(".mjs")) {
      mod = await import(pathToFileURL(found).href);
    } else {
      try {
        mod = require(found);
      } catch (e) {
        if (e.code !== "ERR_REQUIRE_ESM") throw e;
        mod = await import(pathToFileURL(found).href);
      }
    }
  } catch (e) {
    if (!e.lambdaType) e.lambdaType = e instanceof SyntaxError ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError";
    throw e;
  }
  const handler = mod[name] !== undefined ? mod[name] : mod.default && mod.default[name];
  if (typeof handler !== "function") {
    throw Object.assign(new Error(`${file}.${name} is undefined or not exported`), { lambdaType: "Runtime.HandlerNotFound" });
  }
  return handler;
}

function context(headers) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"] || 0);
  return {
    awsRequestId: headers["lambda-runtime-aws-request-id"] || "",
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"] || "",
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME || "",
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION || "$LATEST",
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE || "128",
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME || "",
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME || "",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

function run(handler, event, ctx) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err, value) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(value);
    };
    try {
      const out = handler(event, ctx, done);
      if (out && typeof out.then === "function") out.then((v) => done(null, v), (e) => done(e));
      else if (handler.length < 3) done(null, out);
    } catch (e) {
      done(e);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    await postError("/init/error", errorDocument(e, e.lambdaType || "Runtime.Unknown"));
    process.exit(1);
  }
  for (;;) {
    const next = await call("GET", "/invocation/next");
    const id = next.headers["lambda-runtime-aws-request-id"];
    process.env._X_AMZN_TRACE_ID = next.headers["lambda-runtime-trace-id"] || "";
    let result;
    try {
      const event = next.body.length ? JSON.parse(next.body.toString("utf8")) : null;
      result = await run(handler, event, context(next.headers));
    } catch (e) {
      console.error(`ERROR\t${e && e.stack ? e.stack : e}`);
      await postError(`/invocation/${id}/error`, errorDocument(e));
      continue;
    }
    const body = result === undefined ? "null" : JSON.stringify(result);
    await call("POST", `/invocation/${id}/response`, body, { "Content-Type": "application/json" });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
