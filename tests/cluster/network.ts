/**
 * A private network of Linux network namespaces ("hosts") on one bridge, for `npm run cluster`.
 *
 * Addresses come from 198.18.0.0/24 only (RFC 2544's benchmarking range: never routed, never a
 * real LAN); a namespace gets one veth into the bridge and no default route, so nothing in it
 * can reach beyond the bridge. The root namespace holds 198.18.0.1 on the bridge to drive the
 * test. Every name starts with PREFIX, so leftovers of a crashed run are found and removed.
 */
import { execFileSync, spawnSync } from "node:child_process";

export const PREFIX = "cfc-";
export const BRIDGE = `${PREFIX}br0`;
export const SUBNET = "198.18.0";
export const DRIVER_ADDRESS = `${SUBNET}.1`;

export type Host = { name: string; ns: string; address: string };

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function tryRun(command: string, args: string[]): void {
  spawnSync(command, args, { stdio: "ignore" });
}

/** `ip netns exec <ns> <command…>` as an argument list (the process keeps its pid: ip execs). */
export function inHost(host: Host, command: string, args: string[] = []): [string, string[]] {
  return ["ip", ["netns", "exec", host.ns, command, ...args]];
}

export function execInHost(host: Host, command: string, args: string[]): string {
  const [ip, ipArgs] = inHost(host, command, args);
  return run(ip, ipArgs);
}

/**
 * Removes every namespace, veth and bridge named with PREFIX, killing what still runs inside
 * those namespaces first (a namespace lives on while a process holds it). Synchronous, so it
 * can run from `exit` and signal handlers; safe to call any number of times.
 */
export function removeNetwork(): string[] {
  const removed: string[] = [];
  const namespaces = spawnSync("ip", ["netns", "list"], { encoding: "utf8" })
    .stdout.split("\n")
    .map((line) => line.split(" ")[0] ?? "")
    .filter((name) => name.startsWith(PREFIX));
  for (const ns of namespaces) {
    const pids = spawnSync("ip", ["netns", "pids", ns], { encoding: "utf8" })
      .stdout.split("\n")
      .map((p) => Number(p))
      .filter((p) => p > 0);
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  for (const ns of namespaces) {
    tryRun("ip", ["netns", "del", ns]);
    removed.push(ns);
  }
  const links = spawnSync("ip", ["-o", "link", "show"], { encoding: "utf8" })
    .stdout.split("\n")
    .map((line) => /^\d+:\s+([^:@\s]+)/.exec(line)?.[1] ?? "")
    .filter((name) => name.startsWith(PREFIX));
  for (const link of links) {
    tryRun("ip", ["link", "del", link]);
    removed.push(link);
  }
  return removed;
}

/** What is left of ours (namespaces and links with PREFIX), for the final check. */
export function leftovers(): string[] {
  const namespaces = spawnSync("ip", ["netns", "list"], { encoding: "utf8" }).stdout;
  const links = spawnSync("ip", ["-o", "link", "show"], { encoding: "utf8" }).stdout;
  return [...namespaces.split("\n"), ...links.split("\n")]
    .map((line) => /^(?:\d+:\s+)?([^:@\s]+)/.exec(line)?.[1] ?? "")
    .filter((name) => name.startsWith(PREFIX));
}

export function createNetwork(hosts: { name: string; octet: number }[]): Host[] {
  run("ip", ["link", "add", BRIDGE, "type", "bridge"]);
  run("ip", ["addr", "add", `${DRIVER_ADDRESS}/24`, "dev", BRIDGE]);
  run("ip", ["link", "set", BRIDGE, "up"]);
  return hosts.map(({ name, octet }) => {
    if (octet < 2 || octet > 254) throw new Error(`host ${name}: octet ${octet} out of range`);
    const host: Host = { name, ns: `${PREFIX}${name}`, address: `${SUBNET}.${octet}` };
    run("ip", ["netns", "add", host.ns]);
    // The host side keeps the namespace's name (≤ 15 characters); inside, the link is eth0.
    run("ip", ["link", "add", host.ns, "type", "veth", "peer", "name", "eth0", "netns", host.ns]);
    run("ip", ["link", "set", host.ns, "master", BRIDGE, "up"]);
    execInHost(host, "ip", ["addr", "add", `${host.address}/24`, "dev", "eth0"]);
    execInHost(host, "ip", ["link", "set", "eth0", "up"]);
    execInHost(host, "ip", ["link", "set", "lo", "up"]);
    const routes = execInHost(host, "ip", ["route", "show"]);
    if (/default/.test(routes)) throw new Error(`${host.ns} has a default route: ${routes}`);
    return host;
  });
}

/**
 * Cuts `host` off from some peers: packets to and from those TCP ports (or every packet on
 * eth0) are dropped inside the host's namespace, the way a partition looks — connections hang,
 * nothing is refused or reset. `heal` removes every rule.
 */
export function partition(host: Host, what: { ports: number[] } | "everything"): void {
  if (what === "everything") {
    execInHost(host, "iptables", ["-A", "INPUT", "-i", "eth0", "-j", "DROP"]);
    execInHost(host, "iptables", ["-A", "OUTPUT", "-o", "eth0", "-j", "DROP"]);
    return;
  }
  for (const port of what.ports) {
    execInHost(host, "iptables", [
      "-A",
      "OUTPUT",
      "-p",
      "tcp",
      "--dport",
      String(port),
      "-j",
      "DROP",
    ]);
    execInHost(host, "iptables", [
      "-A",
      "INPUT",
      "-p",
      "tcp",
      "--sport",
      String(port),
      "-j",
      "DROP",
    ]);
  }
}

export function heal(host: Host): void {
  execInHost(host, "iptables", ["-F", "INPUT"]);
  execInHost(host, "iptables", ["-F", "OUTPUT"]);
}
