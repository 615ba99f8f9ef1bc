import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The production build served by `vite preview` on a free port, for the browser benchmark. The
// server runs in a process group of its own (detached), and stopping it signals the whole group,
// so no server outlives the benchmark — also when the benchmark fails or is interrupted.

export interface PreviewServer {
  url: string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => { resolve(port); });
    });
  });
}

async function waitForServer(url: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (exited()) throw new Error('the preview server exited before it served the page');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the preview server did not answer at ${url} within 30 s`);
}

export async function startPreviewServer(distDir = 'dist'): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}/`;
  const vite = join('node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', distDir], {
    detached: true,
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => { exited = true; });
  const stop = (): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // the group is already gone
    }
    exited = true;
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    await waitForServer(url, () => exited);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
