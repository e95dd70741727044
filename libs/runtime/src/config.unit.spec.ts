import { ConfigError, EnvReader } from './config';

describe('EnvReader', () => {
  it('reads values and falls back to defaults', () => {
    const env = new EnvReader({ PORT: '4000', KAFKA_BROKERS: 'a:1, b:2' });
    const settings = env.done({
      port: env.port('PORT', 3000),
      other: env.port('OTHER_PORT', 3001),
      brokers: env.hostPorts('KAFKA_BROKERS', 'localhost:9092'),
    });
    expect(settings).toEqual({ port: 4000, other: 3001, brokers: ['a:1', 'b:2'] });
  });

  it('names every bad variable in one error', () => {
    const env = new EnvReader({ PORT: 'eighty', KAFKA_BROKERS: 'nohost', MONGO_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    env.port('PORT', 3000);
    env.hostPorts('KAFKA_BROKERS', 'localhost:9092');
    env.mongoUrl('MONGO_URL', 'mongodb://localhost');
    env.oneOf('LOG_LEVEL', ['info', 'debug'] as const, 'info');
    env.string('LEDGER_TOPIC');
    let thrown: unknown;
    try {
      env.done({});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'KAFKA_BROKERS', 'MONGO_URL', 'LOG_LEVEL', 'LEDGER_TOPIC']);
  });

  it('checks a file setting with the given check and names the variable with its problem', () => {
    const env = new EnvReader({ KEY_FILE: '/keys/k.pem' });
    expect(env.file('KEY_FILE', undefined, (path) => (path === '/keys/k.pem' ? undefined : 'wrong'))).toBe('/keys/k.pem');
    env.file('OTHER_FILE', '/default.pem', (path) => `cannot read "${path}"`);
    expect(() => env.done({})).toThrow('OTHER_FILE: cannot read "/default.pem"');
  });
});
