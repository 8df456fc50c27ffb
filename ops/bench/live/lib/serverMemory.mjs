// A server process's memory as the benchmark reports it: resident set size from /proc, and the managed heap's live
// bytes from `dotnet-gcdump` (it makes the process run a full, blocking GC and walks what survives, so garbage is
// not counted). Taken only between measurements, never while latencies are being recorded.
import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const toolFolder = new URL("..", import.meta.url).pathname;

async function residentBytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes[1]) * 1024;
}

async function managedHeapBytes(pid) {
  const file = join(tmpdir(), `raidcommand-live-${pid}-${Date.now()}.gcdump`);
  try {
    await run("dotnet", ["tool", "run", "dotnet-gcdump", "collect", "-p", String(pid), "-o", file], { cwd: toolFolder });
    const { stdout } = await run("dotnet", ["tool", "run", "dotnet-gcdump", "report", file], { cwd: toolFolder, maxBuffer: 64 * 1024 * 1024 });
    const bytes = /([\d,]+)\s+GC Heap bytes/.exec(stdout);
    if (!bytes) throw new Error(`dotnet-gcdump report printed no heap size: ${stdout.slice(0, 200)}`);
    return Number(bytes[1].replaceAll(",", ""));
  } finally {
    await rm(file, { force: true });
  }
}

/** { rss, heap } in bytes; the heap first, so that the RSS is read right after the full GC. */
export async function serverMemory(pid) {
  const heap = await managedHeapBytes(pid);
  return { heap, rss: await residentBytes(pid) };
}
