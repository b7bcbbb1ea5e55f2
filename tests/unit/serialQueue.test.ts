import { describe, expect, it } from 'vitest'
import { KeyedSerialQueue, SerialQueue } from '../../server/src/lib/serialQueue'

/** A promise and the function that resolves it, for work that finishes when the test says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

describe('SerialQueue', () => {
  it('runs work one piece at a time in the order it was queued', async () => {
    const queue = new SerialQueue()
    const first = gate()
    const log: string[] = []
    const a = queue.run(async () => {
      log.push('a starts')
      await first.opened
      log.push('a ends')
      return 'a'
    })
    const b = queue.run(() => {
      log.push('b runs')
      return 'b'
    })
    await Promise.resolve()
    expect(log).toEqual(['a starts'])
    first.open()
    expect(await Promise.all([a, b])).toEqual(['a', 'b'])
    expect(log).toEqual(['a starts', 'a ends', 'b runs'])
  })

  it('keeps going after a piece fails, and that piece alone rejects', async () => {
    const queue = new SerialQueue()
    const failed = queue.run(() => Promise.reject(new Error('broken')))
    const next = queue.run(() => 'next')
    await expect(failed).rejects.toThrow('broken')
    expect(await next).toBe('next')
    await expect(queue.idle()).resolves.toBeUndefined()
  })

  it('idle waits for everything queued so far', async () => {
    const queue = new SerialQueue()
    const slow = gate()
    let done = false
    void queue.run(async () => {
      await slow.opened
      done = true
    })
    const idle = queue.idle().then(() => done)
    slow.open()
    expect(await idle).toBe(true)
  })
})

describe('KeyedSerialQueue', () => {
  it('serialises per key, lets keys run side by side, and forgets a key once idle', async () => {
    const queues = new KeyedSerialQueue<string>()
    const boardA = gate()
    const log: string[] = []
    const a1 = queues.run('a', async () => {
      await boardA.opened
      log.push('a1')
    })
    const a2 = queues.run('a', () => {
      log.push('a2')
    })
    await queues.run('b', () => {
      log.push('b1')
    })
    expect(log).toEqual(['b1'])
    boardA.open()
    await Promise.all([a1, a2])
    expect(log).toEqual(['b1', 'a1', 'a2'])
    await new Promise((resolve) => setImmediate(resolve))
    expect(queues.size).toBe(0)
  })
})
