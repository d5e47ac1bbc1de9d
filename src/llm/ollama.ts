import { Ollama } from 'ollama';

export interface LlmStatus {
  ok: boolean;
  host: string;
  models?: string[];
  error?: string;
}

/** The Ollama connection. The `ollama` package is used only under src/llm/. */
export class OllamaProvider {
  private readonly client: Ollama;

  constructor(readonly host: string, private readonly pingTimeoutMs = 2000) {
    this.client = new Ollama({
      host,
      fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(this.pingTimeoutMs) }),
    });
  }

  async status(): Promise<LlmStatus> {
    try {
      const list = await this.client.list();
      return { ok: true, host: this.host, models: list.models.map((m) => m.name) };
    } catch (e) {
      const err = e as { cause?: { code?: string }; name?: string; message?: string };
      const reason = err.cause?.code ?? (err.name === 'TimeoutError' ? 'timeout' : err.message ?? String(e));
      return { ok: false, host: this.host, error: `Ollama not reachable at ${this.host} (${reason}); start it with \`ollama serve\`` };
    }
  }
}
