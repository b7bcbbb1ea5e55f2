import { startDevCluster } from './devCluster'

/** `npm run cluster`: two instances behind nginx on PORT (default 8080), local PostgreSQL + Redis. */
const cluster = await startDevCluster({
  instances: Number(process.env.INSTANCES ?? 2),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  port: Number(process.env.PORT ?? 8080),
  env: { LOG_LEVEL: 'info' },
})
process.stdout.write(
  `Oogst cluster on ${cluster.url}: instances on ports ${cluster.instances.map((i) => i.port).join(', ')}\n`,
)
const stop = async () => {
  await cluster.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
