import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, portAcceptsConnections } from './free-port';
import { SupervisedProcess } from './supervised-process';

const run = promisify(execFile);

/** Apache Kafka in KRaft mode, one node acting as broker and controller, from the provisioned jars. */
export async function startLocalKafka(infraDir: string, runDir: string, onCrash?: (m: string) => void): Promise<{ process: SupervisedProcess; broker: string }> {
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  const dataDir = join(runDir, 'kafka-data');
  const propertiesFile = join(runDir, 'kafka.properties');
  writeFileSync(propertiesFile, kafkaProperties(brokerPort, controllerPort, dataDir));
  const classpath = join(infraDir, 'kafka', 'libs', '*');
  const jvm = ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-Djava.awt.headless=true', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info'];
  const clusterId = randomBytes(16).toString('base64url');
  // `--cluster-id=` form: a base64url id may begin with "-", which the tool would read as an option.
  await run('java', [...jvm, '-cp', classpath, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '--config', propertiesFile], {
    timeout: 60_000,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`Formatting Kafka storage failed: ${error.message}\n${error.stderr ?? ''}`);
  });
  const logFile = join(runDir, 'kafka.log');
  const service = await SupervisedProcess.start({
    name: 'kafka',
    command: 'java',
    args: [...jvm, '-cp', classpath, 'kafka.Kafka', propertiesFile],
    logFile,
    isReady: async () => (await portAcceptsConnections(brokerPort)) && readFileSync(logFile, 'utf8').includes('Kafka Server started'),
    readyTimeoutMs: 90_000,
    onUnexpectedExit: onCrash,
  });
  return { process: service, broker: `127.0.0.1:${brokerPort}` };
}

/** A single KRaft node acting as broker and controller; every setting below is for one node. */
function kafkaProperties(brokerPort: number, controllerPort: number, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=5',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.flush.interval.messages=9223372036854775807',
    '',
  ].join('\n');
}
