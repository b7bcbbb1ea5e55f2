import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/config'

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, SQLite under ./data', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.dataDir).toBe(path.resolve('data'))
    expect(config.maxFrameBytes).toBe(2 * 1024 * 1024)
    expect(config.publicUrl).toBeNull()
  })

  it('reads and normalises values', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://oogst.example.nl/',
      DATA_DIR: '/srv/oogst',
    })
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'https://oogst.example.nl',
      dataDir: '/srv/oogst',
    })
  })

  it('stops with a message naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', PUBLIC_URL: 'ftp://x', OOGST_SECRET: 'short' })).toThrow(
      ConfigError,
    )
    expect(() => loadConfig({ PORT: '70000', PUBLIC_URL: 'not a url' })).toThrow(/PORT[\s\S]*PUBLIC_URL/)
  })
})
