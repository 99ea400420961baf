import { describe, expect, it } from 'vitest';
import { toLessonReply, toRealCommand, type MappedNode } from '../../../../src/packs/redis/verify/addresses';

const primary: MappedNode = { host: '10.0.0.11', port: 6379, realPort: 41001 };
const replica: MappedNode = { host: '10.0.0.12', port: 6379, realPort: 41002 };
const local: MappedNode = { host: '127.0.0.1', port: 6381, realPort: 41003, realBusPort: 41013 };
const nodes = [primary, replica, local];

describe('lesson addresses in commands', () => {
  it.each([
    ['host and port', 'REPLICAOF 10.0.0.11 6379', 'REPLICAOF 127.0.0.1 41001'],
    ['host:port', 'CLIENT KILL ADDR 10.0.0.12:6379', 'CLIENT KILL ADDR 127.0.0.1:41002'],
    ['a node on 127.0.0.1', 'CLUSTER MEET 127.0.0.1 6381', 'CLUSTER MEET 127.0.0.1 41003'],
    ['no node: unchanged', 'REPLICAOF 10.0.0.99 6379', 'REPLICAOF 10.0.0.99 6379'],
    ['a port alone: unchanged', 'SET port 6379', 'SET port 6379'],
  ])('rewrites %s', (_name, lesson, real) => {
    expect(toRealCommand(lesson, nodes)).toBe(real);
  });
});

describe('real addresses in replies', () => {
  it.each<[string, string[], string[]]>([
    ['INFO fields on two lines', ['role:slave', 'master_host:127.0.0.1', 'master_port:41001', 'master_link_status:up'], ['role:slave', 'master_host:10.0.0.11', 'master_port:6379', 'master_link_status:up']],
    ['an array of host and port', ['1) "127.0.0.1"', '2) "41002"'], ['1) "10.0.0.12"', '2) "6379"']],
    ['a MOVED error', ['(error) MOVED 15880 127.0.0.1:41003'], ['(error) MOVED 15880 127.0.0.1:6381']],
    ['a cluster bus port', ['abc 127.0.0.1:41003@41013 myself,master - 0 0 1 connected 10923-16383'], ['abc 127.0.0.1:6381@16381 myself,master - 0 0 1 connected 10923-16383']],
    ['ip= and port= on one line', ['slave0:ip=127.0.0.1,port=41002,state=online,offset=14,lag=0'], ['slave0:ip=10.0.0.12,port=6379,state=online,offset=14,lag=0']],
    ['a client address that is no node', ['1) "127.0.0.1:51544"'], ['1) "127.0.0.1:51544"']],
    ['a number that only contains a port', ['(integer) 410011'], ['(integer) 410011']],
  ])('shows %s as the lesson does', (_name, real, lesson) => {
    expect(toLessonReply(real, nodes)).toEqual(lesson);
  });

  it('leaves a reply alone outside a topology', () => {
    expect(toLessonReply(['master_host:127.0.0.1'], [])).toEqual(['master_host:127.0.0.1']);
  });
});
