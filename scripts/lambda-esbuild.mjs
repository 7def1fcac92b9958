// The esbuild settings of the skill's Lambda bundle; bench/skill-cold.ts bundles its hello-world anchor with the same.

/**
 * MQTT.js's dependencies the Lambda never runs, replaced so the bundle stays small: readable-stream
 * is Node's own stream module (the package is a copy of it for browsers); SOCKS proxies (MQTTJS_SOCKS_PROXY)
 * and web-worker timers (browsers only) are left out with a clear error should anything call them.
 */
const SHIMS = {
  "readable-stream": 'module.exports = require("node:stream");',
  socks:
    'const no = () => { throw new Error("SOCKS proxies are not part of the skill\'s Lambda bundle (unset MQTTJS_SOCKS_PROXY)"); };\n' +
    "module.exports = { SocksClient: function SocksClient() { no(); } };",
  "worker-timers":
    'const no = () => { throw new Error("worker-timers are for browsers; not part of the skill\'s Lambda bundle"); };\n' +
    "module.exports = { setInterval: no, clearInterval: no, setTimeout: no, clearTimeout: no };",
};
const mqttShims = {
  name: "mqtt-shims",
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SHIMS).join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lambda-shim" }));
    build.onLoad({ filter: /.*/, namespace: "lambda-shim" }, (args) => ({ contents: SHIMS[args.path], loader: "js" }));
  },
};

export const LAMBDA_ESBUILD = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  // The Lambda Node runtimes ship AWS SDK v3.
  external: ["@aws-sdk/*"],
  plugins: [mqttShims],
  logLevel: "warning",
};
