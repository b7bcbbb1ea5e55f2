import { ConfigError, loadConfig } from './config'
import { createOogstServer } from './server'

/** Entry point: `npm start` (builds the client first) or `npm run serve`. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const server = await createOogstServer(config)
  await server.listen()
  process.stdout.write(`Oogst listening on ${server.url()} (data in ${config.dataDir})\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`Received ${signal}, saving and closing…\n`)
    await server.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error) => {
  process.stderr.write(`Oogst could not start: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
