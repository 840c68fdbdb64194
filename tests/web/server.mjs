// Starts a real antrean-server on a free loopback port with its own temporary folder (SQLite
// file, configuration, one officer account), and calls its HTTP API the way the kiosk and
// the officer console do.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const kStartTimeoutMs = 15000;
const kStopTimeoutMs = 5000;

// Returns the antrean-server binary: $ANTREAN_SERVER_BINARY (CTest sets it), else the first
// one found in the usual build folders.
export function findServerBinary() {
  const fromEnvironment = process.env.ANTREAN_SERVER_BINARY;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) {
      throw new Error(`ANTREAN_SERVER_BINARY=${fromEnvironment} does not exist. Build the antrean-server target first.`);
    }
    return fromEnvironment;
  }
  const candidates = ["build", "build-web"].map((folder) => path.join(repoRoot, folder, "server", "antrean-server"));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `antrean-server not found in ${candidates.join(" or ")}. Run scripts/build or set ANTREAN_SERVER_BINARY.`,
    );
  }
  return found;
}

export class ServerProcess {
  constructor(binary) {
    this.binary = binary;
    this.folder = mkdtempSync(path.join(tmpdir(), "antrean-web-test-"));
    this.dbPath = path.join(this.folder, "antrean.db");
    this.configPath = path.join(this.folder, "antrean.toml");
    this.output = "";
    this.child = null;
    this.baseUrl = null;

    // Walk-in check-ins must work at any hour the test runs.
    const config = readFileSync(path.join(repoRoot, "assets", "config", "antrean.toml"), "utf8");
    const testConfig = config.replace("enforce_opening_hours = true", "enforce_opening_hours = false");
    if (testConfig === config) {
      throw new Error("assets/config/antrean.toml has no line 'enforce_opening_hours = true' to switch off");
    }
    writeFileSync(this.configPath, testConfig);
  }

  // Creates a staff account with `user add --password-stdin`.
  addUser({ username, role, areas, password, name }) {
    const args = ["user", "add", "--db", this.dbPath, "--config", this.configPath, "--username", username,
      "--role", role, "--password-stdin"];
    if (areas) args.push("--areas", areas);
    if (name) args.push("--name", name);
    const result = spawnSync(this.binary, args, { input: password + "\n", encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`user add failed for ${username} (exit ${result.status}): ${result.stderr}${result.stdout}`);
    }
  }

  // Starts the server on 127.0.0.1 with a port the system picks, and waits until its log
  // names that port.
  async start() {
    this.child = spawn(this.binary, ["--db", this.dbPath, "--config", this.configPath, "--listen", "127.0.0.1:0"], {
      cwd: this.folder,
      env: { ...process.env, ANTREAN_ASSETS_DIR: path.join(repoRoot, "assets") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`antrean-server did not log "listening on" within ${kStartTimeoutMs} ms:\n${this.output}`));
      }, kStartTimeoutMs);
      const collect = (chunk) => {
        this.output += chunk.toString();
        const match = this.output.match(listening);
        if (match && !this.baseUrl) {
          this.baseUrl = match[1];
          clearTimeout(timer);
          resolve();
        }
      };
      this.child.stdout.on("data", collect);
      this.child.stderr.on("data", collect);
      this.child.on("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`antrean-server exited at start (code ${code}, signal ${signal}):\n${this.output}`));
      });
    });
  }

  // Stops the server with SIGTERM (SIGKILL after a grace period) and removes the folder.
  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), kStopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.folder, { recursive: true, force: true });
  }

  // Sends one JSON request and returns { status, body }, where body is null for an empty body.
  async request(method, route, { body, token } = {}) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(this.baseUrl + route, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  // Sends a request that must succeed with `expectedStatus`, and returns the response body.
  async call(method, route, options = {}, expectedStatus = 200) {
    const { status, body } = await this.request(method, route, options);
    if (status !== expectedStatus) {
      throw new Error(`${method} ${route} returned ${status}, expected ${expectedStatus}: ${JSON.stringify(body)}`);
    }
    return body;
  }
}
