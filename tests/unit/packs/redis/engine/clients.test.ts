/** Several in-process clients on one server: pub/sub, blocking commands, ACL, RESP3, closing, expiry over real time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../../../src/packs/redis/engine/engine';
import { bulk, bulks, eventually, pushes, type RedisEngine, raw, sleep, startEngine, value } from './helpers';

let engine: RedisEngine;

beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

describe('pub/sub between two clients', () => {
  it('delivers PUBLISH to a RESP2 subscriber as pushes, and SUBSCRIBE resolves with all its confirmations', async () => {
    const subscriber = engine.newClient();
    const publisher = engine.newClient();
    const seen = pushes(subscriber);
    expect(await raw(subscriber, 'SUBSCRIBE', 'news', 'sport')).toBe(
      '*3\r\n' + bulk('subscribe') + bulk('news') + ':1\r\n' + '*3\r\n' + bulk('subscribe') + bulk('sport') + ':2\r\n',
    );
    expect(await raw(publisher, 'PUBLISH', 'news', 'hello')).toBe(':1\r\n');
    expect(await raw(publisher, 'PUBLISH', 'nobody-listens', 'x')).toBe(':0\r\n');
    expect(seen).toEqual([bulks('message', 'news', 'hello')]);
    // In subscribed mode a RESP2 client may still PING; the reply is not a push.
    expect(await raw(subscriber, 'PING')).toBe(bulks('pong', ''));
    expect(await raw(subscriber, 'GET', 'x')).toBe(
      "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
    );
    expect(await raw(subscriber, 'PSUBSCRIBE', 'spo*')).toBe('*3\r\n' + bulk('psubscribe') + bulk('spo*') + ':3\r\n');
    await publisher.send(['PUBLISH', 'sport', 'goal']);
    expect(seen.slice(1)).toEqual([bulks('message', 'sport', 'goal'), bulks('pmessage', 'spo*', 'sport', 'goal')]);
    expect(await raw(subscriber, 'UNSUBSCRIBE', 'news')).toBe('*3\r\n' + bulk('unsubscribe') + bulk('news') + ':2\r\n');
    subscriber.close();
    publisher.close();
  });

  it('delivers RESP3 pushes (>) and keeps a RESP3 client free to run other commands', async () => {
    const subscriber = engine.newClient();
    const publisher = engine.newClient();
    const seen = pushes(subscriber);
    await subscriber.send(['HELLO', '3']);
    expect(await raw(subscriber, 'SUBSCRIBE', 'chat')).toBe('>3\r\n' + bulk('subscribe') + bulk('chat') + ':1\r\n');
    expect(await raw(publisher, 'PUBLISH', 'chat', 'hi')).toBe(':1\r\n');
    expect(seen).toEqual(['>3\r\n' + bulk('message') + bulk('chat') + bulk('hi')]);
    expect(await raw(subscriber, 'SET', 'resp3:k', 'v')).toBe('+OK\r\n');
    // Publishing to its own channel: the reply resolves, the message arrives as a push.
    expect(await raw(subscriber, 'PUBLISH', 'chat', 'me')).toBe(':1\r\n');
    expect(seen[1]).toBe('>3\r\n' + bulk('message') + bulk('chat') + bulk('me'));
    subscriber.close();
    publisher.close();
  });

  it('sends client-side caching invalidations as pushes', async () => {
    const reader = engine.newClient();
    const writer = engine.newClient();
    const seen = pushes(reader);
    await reader.send(['HELLO', '3']);
    expect(await raw(reader, 'CLIENT', 'TRACKING', 'ON')).toBe('+OK\r\n');
    await writer.send(['SET', 'cached', '1']);
    expect(await raw(reader, 'GET', 'cached')).toBe(bulk('1'));
    await writer.send(['SET', 'cached', '2']);
    expect(seen).toEqual(['>2\r\n' + bulk('invalidate') + '*1\r\n' + bulk('cached')]);
    reader.close();
    writer.close();
  });
});

describe('blocking commands', () => {
  it('BLPOP is served when another client pushes, and later commands of that client wait their turn', async () => {
    const waiter = engine.newClient();
    const pusher = engine.newClient();
    const popped = raw(waiter, 'BLPOP', 'jobs', '0');
    const after = raw(waiter, 'PING');
    await sleep(30);
    expect(await raw(pusher, 'RPUSH', 'jobs', 'job-1')).toBe(':1\r\n');
    expect(await popped).toBe(bulks('jobs', 'job-1'));
    expect(await after).toBe('+PONG\r\n');
    waiter.close();
    pusher.close();
  });

  it('BLPOP with a timeout answers nil once the time has passed', async () => {
    const waiter = engine.newClient();
    expect(await raw(waiter, 'BLPOP', 'empty-list', '0.2')).toBe('*-1\r\n');
    expect(await raw(waiter, 'BRPOP', 'empty-list', '0.05')).toBe('*-1\r\n');
    waiter.close();
  });

  it('cancel() ends BLPOP 0 as a timeout would; the client goes on', async () => {
    const waiter = engine.newClient();
    const popped = raw(waiter, 'BLPOP', 'never', '0');
    await sleep(20);
    expect(waiter.cancel()).toBe(true);
    expect(await popped).toBe('*-1\r\n');
    expect(waiter.cancel()).toBe(false);
    expect(await raw(waiter, 'PING')).toBe('+PONG\r\n');
    // XREAD BLOCK and WAIT can be cancelled the same way.
    const read = raw(waiter, 'XREAD', 'BLOCK', '0', 'STREAMS', 'no-stream', '$');
    await sleep(20);
    expect(waiter.cancel()).toBe(true);
    expect(await read).toBe('*-1\r\n');
    waiter.close();
  });

  it('WAIT for a replica that will never come can be cancelled', async () => {
    const waiter = engine.newClient();
    const waited = raw(waiter, 'WAIT', '1', '0');
    await sleep(20);
    expect(waiter.cancel()).toBe(true);
    expect(await waited).toBe(':0\r\n');
    waiter.close();
  });

  it('a write held by CLIENT PAUSE runs when another client unpauses', async () => {
    const admin = engine.newClient();
    const writer = engine.newClient();
    expect(await raw(admin, 'CLIENT', 'PAUSE', '60000', 'WRITE')).toBe('+OK\r\n');
    const held = raw(writer, 'SET', 'paused-write', '1');
    expect(await raw(admin, 'GET', 'paused-write')).toBe('$-1\r\n'); // reads are not paused
    expect(writer.cancel()).toBe(false); // a paused command has no timeout reply: it waits for the pause to end
    expect(await raw(admin, 'CLIENT', 'UNPAUSE')).toBe('+OK\r\n');
    expect(await held).toBe('+OK\r\n');
    admin.close();
    writer.close();
  });

  it('BLMOVE and BZPOPMIN are served by writes from another client', async () => {
    const waiter = engine.newClient();
    const other = engine.newClient();
    const moved = raw(waiter, 'BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '5');
    await other.send(['LPUSH', 'src', 'a']);
    expect(await moved).toBe(bulk('a'));
    const zpopped = raw(waiter, 'BZPOPMIN', 'zq', '5');
    await other.send(['ZADD', 'zq', '1', 'm']);
    expect(await zpopped).toBe(bulks('zq', 'm', '1'));
    waiter.close();
    other.close();
  });
});

describe('connections', () => {
  it('ACL SETUSER in one client, AUTH in another', async () => {
    const admin = engine.newClient();
    const user = engine.newClient();
    expect(await raw(admin, 'ACL', 'SETUSER', 'alice', 'on', '>secret', '~app:*', '+get', '+set')).toBe('+OK\r\n');
    expect(await raw(user, 'AUTH', 'alice', 'wrong')).toBe('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    expect(await raw(user, 'AUTH', 'alice', 'secret')).toBe('+OK\r\n');
    expect(await raw(user, 'ACL', 'WHOAMI')).toBe(
      "-NOPERM User alice has no permissions to run the 'acl|whoami' command\r\n",
    );
    expect(await raw(user, 'SET', 'app:1', 'x')).toBe('+OK\r\n');
    expect(await raw(user, 'SET', 'other', 'x')).toBe("-NOPERM No permissions to access a key\r\n");
    expect(await raw(user, 'DEL', 'app:1')).toBe("-NOPERM User alice has no permissions to run the 'del' command\r\n");
    expect(await raw(admin, 'ACL', 'DELUSER', 'alice')).toBe(':1\r\n');
    admin.close();
  });

  it('HELLO 3 switches the connection to RESP3 replies', async () => {
    const c = engine.newClient();
    const hello = (await value(c, 'HELLO', '3')) as Map<string, unknown>;
    expect(hello.get('server')).toBe('redis');
    expect(hello.get('version')).toBe('7.2.6');
    expect(hello.get('proto')).toBe(3);
    expect(hello.get('mode')).toBe('standalone');
    await c.send(['HSET', 'r3:h', 'f', 'v']);
    expect(await raw(c, 'HGETALL', 'r3:h')).toBe('%1\r\n' + bulk('f') + bulk('v'));
    await c.send(['ZADD', 'r3:z', '1.5', 'm']);
    expect(await raw(c, 'ZSCORE', 'r3:z', 'm')).toBe(',1.5\r\n');
    expect(await raw(c, 'GET', 'r3:none')).toBe('_\r\n');
    expect(await raw(c, 'SMISMEMBER', 'r3:none', 'a')).toBe('*1\r\n:0\r\n');
    expect(await raw(c, 'CONFIG', 'GET', 'hz')).toBe('%1\r\n' + bulk('hz') + bulk('10'));
    c.close();
  });

  it('QUIT answers +OK and closes; later commands are refused', async () => {
    const c = engine.newClient();
    let closedWith = '';
    c.onClose((reason) => (closedWith = reason));
    expect(await raw(c, 'QUIT')).toBe('+OK\r\n');
    expect(c.closed).toBe(true);
    expect(closedWith).toBe('closed');
    await expect(c.send(['PING'])).rejects.toBeInstanceOf(EngineError);
  });

  it('CLIENT KILL from another client closes the connection and rejects its blocked command', async () => {
    const victim = engine.newClient();
    const killer = engine.newClient();
    const id = (await value(victim, 'CLIENT', 'ID')) as number;
    const blocked = victim.send(['BLPOP', 'kill-me', '0']);
    await sleep(20);
    expect(await raw(killer, 'CLIENT', 'KILL', 'ID', String(id))).toBe(':1\r\n');
    await expect(blocked).rejects.toMatchObject({ kind: 'closed' });
    expect(victim.closed).toBe(true);
    killer.close();
  });

  it('close() frees the client in Redis and rejects what was pending', async () => {
    const c = engine.newClient();
    const observer = engine.newClient();
    const id = (await value(c, 'CLIENT', 'ID')) as number;
    const blocked = c.send(['BLPOP', 'close-me', '0']);
    c.close();
    await expect(blocked).rejects.toMatchObject({ kind: 'closed' });
    const list = (await value(observer, 'CLIENT', 'LIST')) as string;
    expect(list).not.toContain(`id=${id} `);
    observer.close();
  });

  it('CLIENT LIST shows in-process clients like TCP ones', async () => {
    const c = engine.newClient();
    await c.send(['CLIENT', 'SETNAME', 'terminal-1']);
    const info = (await value(c, 'CLIENT', 'INFO')) as string;
    expect(info).toMatch(/^id=\d+ addr=127\.0\.0\.1:\d+ laddr=127\.0\.0\.1:6379 fd=-1 name=terminal-1 age=0 idle=0 flags=N db=0 /);
    c.close();
  });

  it('CLIENT REPLY OFF: commands resolve with no bytes', async () => {
    const c = engine.newClient();
    expect((await c.send(['CLIENT', 'REPLY', 'OFF'])).length).toBe(0);
    expect((await c.send(['SET', 'silent', '1'])).length).toBe(0);
    expect(await raw(c, 'CLIENT', 'REPLY', 'ON')).toBe('+OK\r\n');
    expect(await raw(c, 'GET', 'silent')).toBe(bulk('1'));
    c.close();
  });
});

describe('time passing', () => {
  it('a key with PX 200 is gone after 300 ms, and active expiry removes it without a read', async () => {
    const c = engine.newClient();
    expect(await raw(c, 'SET', 'ttl:read', 'v', 'PX', '200')).toBe('+OK\r\n');
    expect(await raw(c, 'SET', 'ttl:unread', 'v', 'PX', '200')).toBe('+OK\r\n');
    const ttl = (await value(c, 'PTTL', 'ttl:read')) as number;
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    await sleep(300);
    expect(await raw(c, 'GET', 'ttl:read')).toBe('$-1\r\n');
    // Nobody reads ttl:unread: serverCron's active expiry (driven by the engine's timer) deletes it.
    await eventually(async () => ((await value(c, 'INFO', 'stats')) as string).includes('expired_keys:2\r\n'));
    expect(await raw(c, 'EXISTS', 'ttl:unread')).toBe(':0\r\n');
    c.close();
  });

  it('keyspace notifications from active expiry reach a subscriber as pushes', async () => {
    const c = engine.newClient();
    const subscriber = engine.newClient();
    const seen = pushes(subscriber);
    expect(await raw(c, 'CONFIG', 'SET', 'notify-keyspace-events', 'Ex')).toBe('+OK\r\n');
    await subscriber.send(['SUBSCRIBE', '__keyevent@0__:expired']);
    await c.send(['SET', 'ttl:notify', 'v', 'PX', '50']);
    await eventually(() => seen.length > 0);
    expect(seen).toEqual([bulks('message', '__keyevent@0__:expired', 'ttl:notify')]);
    await c.send(['CONFIG', 'SET', 'notify-keyspace-events', '']);
    c.close();
    subscriber.close();
  });

  it('EXPIRE and TTL count down in seconds', async () => {
    const c = engine.newClient();
    await c.send(['SET', 'ttl:s', 'v']);
    expect(await raw(c, 'EXPIRE', 'ttl:s', '100')).toBe(':1\r\n');
    expect(await raw(c, 'TTL', 'ttl:s')).toBe(':100\r\n');
    expect(await raw(c, 'PERSIST', 'ttl:s')).toBe(':1\r\n');
    expect(await raw(c, 'TTL', 'ttl:s')).toBe(':-1\r\n');
    expect(await raw(c, 'TTL', 'ttl:none')).toBe(':-2\r\n');
    c.close();
  });

  it('TIME advances with the real clock', async () => {
    const c = engine.newClient();
    const [s1, us1] = ((await value(c, 'TIME')) as string[]).map(Number) as [number, number];
    await sleep(1100);
    const [s2, us2] = ((await value(c, 'TIME')) as string[]).map(Number) as [number, number];
    const elapsed = s2 - s1 + (us2 - us1) / 1e6;
    expect(elapsed).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeLessThan(10);
    c.close();
  });
});
