import { ERROR_CATALOG } from '../../src/errors/catalog.ts';
const lines = ['# Error catalog', '', 'Every API error reply has the shape `{ "error": { "code", "message", "retryable", "hint"?, "details"?, "requestId" } }`;', '`requestId` is the request\'s `X-Request-Id` (the one the client sent, if well-formed, else a new UUID): quote it when reporting a problem.', 'Codes are stable: they are never renamed, only added. `retryable` says whether sending the same request again can help.', '', '| code | HTTP | retryable | meaning | what to do |', '| --- | --- | --- | --- | --- |'];
for (const [code, s] of Object.entries(ERROR_CATALOG)) lines.push(`| \`${code}\` | ${s.status} | ${s.retryable ? 'yes' : 'no'} | ${s.message} | ${(s as {hint?: string}).hint ?? ''} |`);
console.log(lines.join('\n'));
