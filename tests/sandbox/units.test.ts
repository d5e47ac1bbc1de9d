import { describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import { Demuxer } from '../../src/sandbox/docker/demux.ts';
import { containerName, containerSpec, specKey } from '../../src/sandbox/docker/spec.ts';
import { limitsFor, mountsFor } from '../../src/sandbox/limits.ts';
import { encodeJob, endMarkerPrefix } from '../../src/sandbox/protocol.ts';
import { repoPolicy } from '../helpers/policy.ts';

function frame(kind: 1 | 2, text: string | Buffer): Buffer {
  const payload = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = kind;
  h.writeUInt32BE(payload.length, 4);
  return Buffer.concat([h, payload]);
}

describe('demuxer', () => {
  it('splits stdout and stderr, even across chunk boundaries', () => {
    const d = new Demuxer(100, () => undefined);
    const all = Buffer.concat([frame(1, 'out1 '), frame(2, 'err'), frame(1, 'out2')]);
    for (let i = 0; i < all.length; i += 3) d.push(all.subarray(i, i + 3));
    expect(d.text(0)).toBe('out1 out2');
    expect(d.text(1)).toBe('err');
  });

  it('caps each stream and reports the overflow once', () => {
    let overflows = 0;
    const d = new Demuxer(5, () => overflows++);
    d.push(frame(1, 'abcdefgh'));
    d.push(frame(1, 'more'));
    expect(d.text(0)).toBe('abcde');
    expect(d.truncated[0]).toBe(true);
    expect(overflows).toBe(1);
  });

  it('finds and removes the end marker, also when it is split across frames, and reads the exit code', () => {
    let done = 0;
    const marker = endMarkerPrefix('n0nce');
    const d = new Demuxer(
      1000,
      () => undefined,
      marker,
      () => done++,
    );
    const m = Buffer.concat([marker, Buffer.from('3\0')]);
    d.push(frame(1, Buffer.concat([Buffer.from('hello'), m.subarray(0, 4)])));
    d.push(frame(1, m.subarray(4)));
    expect(d.complete).toBe(false);
    d.push(frame(2, Buffer.concat([Buffer.from('warn'), m])));
    d.push(frame(1, 'late output of a left-over child'));
    expect(d.complete).toBe(true);
    expect(done).toBe(1);
    expect(d.exitCode).toBe(3);
    expect(d.text(0)).toBe('hello');
    expect(d.text(1)).toBe('warn');
  });

  it('ignores a marker with another nonce (a tool cannot guess the run’s nonce)', () => {
    const d = new Demuxer(1000, () => undefined, endMarkerPrefix('real'));
    d.push(frame(1, Buffer.concat([endMarkerPrefix('fake'), Buffer.from('0\0'), Buffer.from('rest')])));
    expect(d.ended[0]).toBe(false);
  });
});

describe('job protocol', () => {
  it('frames every field with its byte length and puts stdin last', () => {
    const b = encodeJob({ nonce: 'n', cwd: '/w', source: 'print("ä")', args: ['a b'], env: { K: 'v=1' }, stdin: 'IN' }).toString('utf8');
    expect(b).toBe('AF1\n1\nn2\n/w11\nprint("ä")1\n13\na b1\n15\nK=v=1IN');
  });

  it('refuses environment names that are not identifiers and NUL bytes', () => {
    expect(() => encodeJob({ nonce: 'n', cwd: '/', source: '', args: [], env: { 'A=B': 'x' }, stdin: '' })).toThrow(/not valid/);
    expect(() => encodeJob({ nonce: 'n', cwd: '/', source: 'a\0b', args: [], env: {}, stdin: '' })).toThrow(/NUL/);
  });
});

describe('limits and container spec', () => {
  it('derives limits from the policy; per-run values may only tighten them', async () => {
    const p = await repoPolicy('default');
    const l = limitsFor(p);
    expect(l.timeoutMs).toBe(p.limits.maxExecutionSeconds * 1000);
    expect(limitsFor(p, { timeoutSeconds: 2, memoryMb: 64 })).toMatchObject({ timeoutMs: 2000, memoryMb: 64 });
    expect(() => limitsFor(p, { timeoutSeconds: p.limits.maxExecutionSeconds + 1 })).toThrow(FactoryError);
    expect(() => limitsFor(p, { memoryMb: p.limits.maxMemoryMb * 2 })).toThrow(expect.objectContaining({ code: 'LIMIT_NOT_TIGHTER' }));
  });

  it('refuses a policy that asks for outbound network until egress control exists', async () => {
    const p = await repoPolicy('default');
    expect(() => limitsFor({ ...p, network: { allowOutbound: true, allowedHosts: ['example.com'] } })).toThrow(/outbound network/);
  });

  it('confines every container the same way', async () => {
    const p = await repoPolicy('default');
    const limits = limitsFor(p);
    const spec = containerSpec({
      language: 'python',
      image: 'img',
      limits,
      mounts: mountsFor(p, { '/data': '/srv/data' }),
      labels: { a: 'b' },
    });
    const hc = spec.HostConfig!;
    expect(hc).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true,
      Memory: limits.memoryMb * 1024 * 1024,
      MemorySwap: limits.memoryMb * 1024 * 1024,
      PidsLimit: limits.maxProcesses,
    });
    expect(spec.User).toBe('65534:65534');
    expect(spec.NetworkDisabled).toBe(true);
    expect(hc.Binds).toEqual(['/srv/data:/data:ro']);
    expect(Object.keys(hc.Tmpfs!)).toEqual(expect.arrayContaining(['/workspace', '/tmp', '/dev/shm', '/dev/mqueue']));
    // /dev/shm is bounded like every writable tmpfs; /dev/mqueue is read-only, and no queue may be created at all
    expect(hc.Tmpfs!['/dev/shm']).toBe(hc.Tmpfs!['/tmp']);
    expect(hc.Tmpfs!['/dev/shm']).toContain(`size=${limits.tmpfsMb}m`);
    expect(hc.Tmpfs!['/dev/mqueue']).toMatch(/^ro,/);
    expect(hc.ShmSize).toBeUndefined();
    expect(hc.Ulimits!.map((u) => [u.Name, u.Hard])).toEqual([
      ['fsize', limits.maxFileSizeMb * 1024 * 1024],
      ['nofile', limits.maxOpenFiles],
      ['core', 0],
      ['msgqueue', 0],
    ]);
    expect(spec.Env!.join(' ')).not.toMatch(/FACTORY|DOCKER|OLLAMA|TOKEN|SECRET/);
    // same profile, same key (the warm pool relies on it); labels do not matter
    expect(specKey(spec)).toBe(specKey({ ...spec, Labels: { other: 'x' } }));
    expect(specKey(spec)).not.toBe(
      specKey(containerSpec({ language: 'python', image: 'img', limits: { ...limits, memoryMb: 64 }, labels: {} })),
    );
  });
});

describe('container names', () => {
  it('name a container after its run, with only the characters Docker accepts', () => {
    expect(containerName('tool_0123abcd')).toBe('af-run-tool_0123abcd');
    expect(containerName('a/b c:d')).toBe('af-run-a-b-c-d');
  });
});
