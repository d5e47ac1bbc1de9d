/**
 * Outbound network use: requests/httpx/urllib and friends, and file readers given a URL
 * (pandas.read_csv('http://…')). With `network.allowOutbound: false` every call is blocked; otherwise
 * a literal URL's host must be on `network.allowedHosts` and a computed URL is blocked. The cloud
 * metadata address is blocked wherever it appears in a string.
 */
import { hostOf, isMetadataHost, urlAllowed } from '../../../policy/access.ts';
import type { SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { evalStr, literalValue } from '../strings.ts';
import { FILE_FUNCTIONS, NETWORK_CALLS } from '../tables.ts';

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
const METADATA_TEXT = /169\.254\.\d{1,3}\.\d{1,3}|fd00:ec2::254|metadata\.google\.internal|100\.100\.100\.200|0xa9fea9fe|2852039166/i;

export function checkNetwork(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const call of calls) {
    const name = call.names.find((n) => NETWORK_CALLS.has(n));
    if (name) {
      checkRequest(ctx, call, name, call.arg(/\.request$/.test(name) ? 1 : 0, ['url', 'host', 'address', 'fullurl']));
      continue;
    }
    const ff = call.names.map((n) => FILE_FUNCTIONS.get(n)).find((f) => f?.urls);
    if (ff) {
      const p = call.arg(ff.arg, ff.kw);
      const values = p ? evalStr(ctx, p) : null;
      if (values?.some((v) => URL_RE.test(v.value))) checkRequest(ctx, call, call.names[0]!, p);
    }
  }
  for (const s of ctx.cap('str')) {
    const t = ctx.text(s);
    if (!METADATA_TEXT.test(t)) continue;
    const v = literalValue(t);
    if (v && METADATA_TEXT.test(v.value))
      ctx.sink.report('py.network.metadata', s, 'the cloud metadata address is never reachable from a tool');
  }
}

function checkRequest(ctx: PyContext, call: CallInfo, name: string, urlNode: SyntaxNode | null): void {
  const policy = ctx.policy;
  if (!policy.network.allowOutbound) {
    ctx.sink.report('py.network.disabled', call.node, `'${name}' makes a network request, and the policy allows no outbound traffic`);
    return;
  }
  const values = urlNode ? evalStr(ctx, urlNode) : null;
  if (!values) {
    ctx.sink.report('py.network.url-unknown', call.node, `'${name}' with a URL that is not a literal; its host cannot be checked`);
    return;
  }
  for (const v of values) {
    const host = hostOf(v.value);
    const hostKnown = v.exact || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(v.value);
    if (host && isMetadataHost(host)) {
      ctx.sink.report('py.network.metadata', call.node, 'request to the cloud metadata service');
      return;
    }
    if (!hostKnown || host === null) {
      ctx.sink.report('py.network.url-unknown', call.node, `'${name}' with a URL whose host is not a literal`);
      return;
    }
    if (!urlAllowed(policy, v.value)) {
      ctx.sink.report('py.network.host-not-allowed', call.node, `host '${host}' is not on the policy's network.allowedHosts`);
      return;
    }
  }
}
