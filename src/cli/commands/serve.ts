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
    io.err(`factory: listening on ${address} (data: ${config.dataDir}); try ${address}/readyz\n`);

    return await new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          io.err('factory: second signal, exiting now\n');
          process.exit(130);
        }
        stopping = true;
        io.err(`factory: ${signal} received, shutting down (grace ${config.server.shutdownGraceMs} ms)\n`);
        service.stop(signal).then(
          () => resolve(0),
          (e: unknown) => {
            io.err(`factory: shutdown failed: ${(e as Error).message}\n`);
            resolve(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  },
};
