import { loadConfig } from '../../config/load.ts';
import { COMMON_OPTIONS, type Command } from '../command.ts';

export const serve: Command = {
  name: 'serve',
  summary: 'Start the coordinator service (HTTP + WebSocket API).',
  usage: `factory serve [--host HOST] [--port N] [--data-dir DIR] [--policy-dir DIR] [--blueprint-dir DIR]
                     [--log-level LEVEL] [--config FILE]

  Defaults need no configuration: 127.0.0.1:8080, SQLite in ./data, policies from ./policies,
  blueprints from ./blueprints, the local Docker engine, Ollama at 127.0.0.1:11434.
  Environment: FACTORY_HOST FACTORY_PORT FACTORY_DATA_DIR FACTORY_POLICY_DIR FACTORY_BLUEPRINT_DIR
               FACTORY_LOG_LEVEL FACTORY_CONFIG DOCKER_HOST OLLAMA_HOST (flags win over environment).`,
  options: {
    ...COMMON_OPTIONS,
    host: { type: 'string' },
    port: { type: 'string' },
    'policy-dir': { type: 'string' },
    'blueprint-dir': { type: 'string' },
    'log-level': { type: 'string' },
  },
  async run({ values }, io) {
    const config = loadConfig({
      file: values.config as string | undefined,
      env: io.env,
      flags: {
        'server.host': values.host as string | undefined,
        'server.port': values.port as string | undefined,
        'server.logLevel': values['log-level'] as string | undefined,
        dataDir: values['data-dir'] as string | undefined,
        policyDir: values['policy-dir'] as string | undefined,
        blueprintDir: values['blueprint-dir'] as string | undefined,
      },
    });
    const { Service } = await import('../../service.ts'); // heavy: loaded only when serving
    const service = await Service.create(config);
    if (service.adminTokenFile) {
      io.err(`factory: created the first admin token; it is in ${service.adminTokenFile} (mode 0600)\n`);
    }
    const address = await service.listen();
    io.err(`factory: listening on ${address} (pid ${process.pid}, data: ${config.dataDir}); try ${address}/readyz\n`);

    return await new Promise<number>((resolve) => {
      let first: { signal: string; at: number } | undefined;
      const stop = (signal: NodeJS.Signals) => {
        if (first) {
          // One Ctrl-C reaches this process twice under `npm start`: from the terminal (the whole
          // foreground process group) and forwarded by npm. A repeat that close is the same request.
          if (Date.now() - first.at < REPEAT_WINDOW_MS) return;
          io.err(`factory: second signal (${signal}), exiting now\n`);
          process.exit(130);
        }
        first = { signal, at: Date.now() };
        io.err(`factory: ${signal} received, shutting down (grace ${config.server.shutdownGraceMs} ms)\n`);
        service.stop(signal).then(
          () => resolve(0),
          (e: unknown) => {
            io.err(`factory: shutdown failed: ${(e as Error).message}\n`);
            resolve(1);
          },
        );
      };
      for (const s of STOP_SIGNALS) process.on(s, stop);
    });
  },
};

/** Signals that stop the service gracefully: kill/systemd/docker, Ctrl-C, a closed terminal. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
/** A second signal within this time counts as the first one again; later, it forces an exit. */
const REPEAT_WINDOW_MS = 1000;
