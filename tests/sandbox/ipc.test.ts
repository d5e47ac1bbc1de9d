// /dev/shm and /dev/mqueue inside a sandbox: writable paths beside /workspace and /tmp that the engine
// mounts by itself. /dev/shm must be bounded like every other tmpfs; /dev/mqueue must not hand out queues.
// Runs against the real engine, with the check skipped (ctypes is how a script would reach mq_open).
import { afterAll, describe, expect, it } from 'vitest';
import { limitsFor } from '../../src/sandbox/index.ts';
import { DockerEngine } from '../../src/sandbox/docker/engine.ts';
import { DockerRuntime } from '../../src/sandbox/docker/runtime.ts';
import { defaultImage } from '../../src/sandbox/docker/images.ts';
import { tightPolicy } from '../helpers/policy.ts';

const engine = new DockerEngine(process.env.DOCKER_HOST);
const runtime = new DockerRuntime({
  engine,
  instanceId: 'ipc-test',
  images: { python: defaultImage('python'), shell: defaultImage('shell') },
  poolSize: 0,
});
afterAll(async () => {
  await runtime.close();
  engine.close();
});

const PROBE = `
import ctypes, ctypes.util, errno, os
n = 0
try:
    while True:
        with open("/dev/shm/f%d" % n, "wb") as f:
            f.write(b"\\0" * (1 << 20))
        n += 1
except OSError as e:
    print("shm", n, errno.errorcode[e.errno])
try:
    open("/dev/mqueue/q", "w")
    print("mqueue-file created")
except OSError as e:
    print("mqueue-file", errno.errorcode[e.errno])
rt = ctypes.CDLL(ctypes.util.find_library("rt") or "libc.so.6", use_errno=True)
q = rt.mq_open(b"/afq", os.O_CREAT | os.O_RDWR, 0o600, None)
print("mq_open", q, errno.errorcode.get(ctypes.get_errno(), "OK"))
`;

describe('/dev/shm and /dev/mqueue', () => {
  it('/dev/shm holds no more than the policy’s tmpfs size; /dev/mqueue refuses files and mq_open refuses queues', async () => {
    const limits = limitsFor(await tightPolicy());
    const r = await runtime.run({ language: 'python', source: PROBE, limits });
    expect(r.status, r.stderr).toBe('ok');
    const shm = /^shm (\d+) (\w+)$/m.exec(r.stdout);
    expect(shm, r.stdout).not.toBeNull();
    expect(shm![2]).toBe('ENOSPC');
    expect(Number(shm![1])).toBeLessThanOrEqual(limits.tmpfsMb);
    expect(Number(shm![1])).toBeGreaterThanOrEqual(limits.tmpfsMb - 2); // the bound is the policy's, not a smaller accident
    expect(r.stdout).toMatch(/^mqueue-file EROFS$/m);
    expect(r.stdout).toMatch(/^mq_open -1 EMFILE$/m);
  });

  it('the same bound holds for a shell script, and a smaller policy gives a smaller /dev/shm', async () => {
    const p = await tightPolicy();
    const limits = limitsFor({ ...p, limits: { ...p.limits, maxFileSizeMb: 1, maxMemoryMb: 64 } });
    const src =
      'i=0; while head -c 1048576 /dev/zero > /dev/shm/p$i 2>/dev/null; do i=$((i+1)); done; echo "wrote $i"; df -k /dev/shm | tail -n 1; : > /dev/mqueue/x';
    const r = await runtime.run({ language: 'shell', source: src, limits });
    expect(r.status).toBe('failed'); // the last command, the write into /dev/mqueue, fails
    expect(r.stderr).toMatch(/Read-only file system/);
    const wrote = Number(/wrote (\d+)/.exec(r.stdout)?.[1]);
    expect(wrote).toBeLessThanOrEqual(limits.tmpfsMb);
    expect(wrote).toBeGreaterThanOrEqual(limits.tmpfsMb - 2);
  });
});
