/**
 * Network transfers with curl/wget: blocked when the policy allows no outbound traffic; otherwise
 * every URL must be a literal whose host is on the allow-list, options that rebind hosts or read
 * configs are blocked, and files written (-o) or uploaded (-T, -d @file) are judged as paths.
 * The cloud metadata address is blocked in any argument or assignment.
 */
import { hostOf, isMetadataHost, urlAllowed } from '../../policy/access.ts';
import type { Arg, Invocation, ShContext } from './context.ts';
import { parseOptions } from './options.ts';
import { checkPathValue, checkPathWord } from './paths.ts';

const METADATA_TEXT = /169\.254\.\d{1,3}\.\d{1,3}|fd00:ec2::254|metadata\.google\.internal|100\.100\.100\.200|0xa9fea9fe|2852039166/i;

/** Options (curl and wget) that take a value. */
const VALUE_OPTS = new Set([
  '-o',
  '--output',
  '-d',
  '--data',
  '--data-binary',
  '--data-raw',
  '--data-ascii',
  '--data-urlencode',
  '-H',
  '--header',
  '-A',
  '--user-agent',
  '-u',
  '--user',
  '-X',
  '--request',
  '-T',
  '--upload-file',
  '-F',
  '--form',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
  '-K',
  '--config',
  '-x',
  '--proxy',
  '-w',
  '--write-out',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-r',
  '--range',
  '-C',
  '--continue-at',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-E',
  '--cert',
  '--key',
  '--cacert',
  '-D',
  '--dump-header',
  '--resolve',
  '--connect-to',
  '-U',
  '--proxy-user',
  '-z',
  '--time-cond',
  '-Y',
  '-y',
  '--limit-rate',
  '--interface',
  '--dns-servers',
  '-P',
  '-Q',
  '--url',
  '--max-filesize',
  '--json',
  '-O',
  '--output-document',
  '-i',
  '--input-file',
  '-t',
  '--tries',
  '-T',
  '--timeout',
  '--header',
  '-P',
  '--directory-prefix',
  '-a',
  '--append-output',
  '--post-data',
  '--post-file',
  '--unix-socket',
  '--abstract-unix-socket',
  '--socks4',
  '--socks5',
  '--socks5-hostname',
  '--preproxy',
]);
const REBIND = new Set([
  '--resolve',
  '--connect-to',
  '-x',
  '--proxy',
  '--preproxy',
  '--socks4',
  '--socks5',
  '--socks5-hostname',
  '--unix-socket',
  '--abstract-unix-socket',
  '-e',
  '--execute',
]);
const CONFIG = new Set(['-K', '--config', '-i', '--input-file']);
const WRITE_FILE = {
  curl: new Set(['-o', '--output', '-D', '--dump-header', '-c', '--cookie-jar']),
  wget: new Set(['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix']),
};
const READ_FILE = new Set(['-T', '--upload-file', '--post-file']);
const DATA_OPTS = new Set(['-d', '--data', '--data-binary', '--data-ascii', '--data-urlencode', '-F', '--form', '--json']);

export function checkMetadataWords(ctx: ShContext, inv: Invocation): void {
  for (const a of [{ node: inv.nameNode, v: inv.name }, ...inv.args]) {
    if (METADATA_TEXT.test(a.v.value)) {
      ctx.sink.report('sh.network.metadata', a.node, 'the cloud metadata address is never reachable from a tool');
      return;
    }
  }
}

export function checkTransfer(ctx: ShContext, cmd: string, inv: Invocation): void {
  const policy = ctx.policy;
  if (!policy.network.allowOutbound) {
    ctx.sink.report('sh.network.disabled', inv.at, `${cmd} transfers data over the network, and the policy allows no outbound traffic`);
    return;
  }
  parseOptions(ctx, cmd, inv, { permute: true });
  const writes = cmd === 'wget' ? WRITE_FILE.wget : WRITE_FILE.curl;
  const urls: Arg[] = [];
  const args = inv.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.value;
    if (a.v.exact && v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const opt = v.startsWith('--') && eq > 0 ? v.slice(0, eq) : v;
      const value: Arg | undefined =
        eq > 0 && v.startsWith('--')
          ? { node: a.node, v: { ...a.v, value: v.slice(eq + 1) } }
          : VALUE_OPTS.has(opt)
            ? args[++i]
            : undefined;
      if (REBIND.has(opt)) {
        ctx.sink.report('sh.network.host-not-allowed', a.node, `${cmd} ${opt} sends traffic to a different host than the URL names`);
        continue;
      }
      if (CONFIG.has(opt)) {
        ctx.sink.report('sh.network.url-unknown', a.node, `${cmd} ${opt} reads URLs or options from a file that was not checked`);
        continue;
      }
      if (!value) continue;
      if (opt === '--url') urls.push(value);
      else if (writes.has(opt)) checkPathWord(ctx, value, 'write', inv.at);
      else if (READ_FILE.has(opt)) checkPathWord(ctx, value, 'read', inv.at);
      else if (DATA_OPTS.has(opt) && value.v.exact && /(^|=)[@<]/.test(value.v.value)) {
        const file = value.v.value.replace(/^.*?[@<]/, '').replace(/;.*$/, '');
        checkPathValue(ctx, { value: file, exact: true }, 'read', value.node, `${cmd} upload file`);
      }
      continue;
    }
    urls.push(a);
  }
  for (const arg of urls) {
    const u = { node: arg.node, v: ctx.pathWord(arg) };
    if (!u.v.exact && !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(u.v.value)) {
      ctx.sink.report('sh.network.url-unknown', u.node, `${cmd} URL is not a literal, so its host cannot be checked`);
      continue;
    }
    const host = hostOf(u.v.value);
    if (host !== null && isMetadataHost(host)) {
      ctx.sink.report('sh.network.metadata', u.node, 'request to the cloud metadata service');
      continue;
    }
    if (host === null || !urlAllowed(policy, u.v.value)) {
      ctx.sink.report('sh.network.host-not-allowed', u.node, `host '${host ?? u.v.value}' is not on the policy's network.allowedHosts`);
    }
  }
}
