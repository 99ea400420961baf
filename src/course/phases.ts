/** One of the six stages a learner moves through, in order. */
export interface Phase {
  /** 1–6: the phase's position in the course. */
  number: number;
  /** URL segment of the phase page, e.g. `redis-fundamentals`. */
  slug: string;
  /** Heading shown on cards, breadcrumbs and the sidebar. */
  title: string;
  /** One paragraph: what the phase covers and what the learner can do after it. */
  summary: string;
}

/** The course's six phases, defined once; lessons refer to them by `phase` number. */
export const PHASES: readonly Phase[] = [
  {
    number: 1,
    slug: 'redis-fundamentals',
    title: 'Redis Fundamentals',
    summary:
      'What Redis is, why a single-threaded in-memory server answers in microseconds, how it is built, and how to install it and talk to it with redis-cli. You finish able to run a server and reason about what every command costs.',
  },
  {
    number: 2,
    slug: 'core-data-structures',
    title: 'Core Data Structures',
    summary:
      'Strings, lists, sets, sorted sets, hashes, bitmaps, HyperLogLog and geospatial indexes: the commands, their time complexity and the memory encodings behind them. You finish able to pick the structure that fits a problem instead of serialising everything to JSON.',
  },
  {
    number: 3,
    slug: 'advanced-patterns',
    title: 'Advanced Patterns',
    summary:
      'Streams, pub/sub, transactions, Lua scripts and functions, pipelining, caching patterns, rate limiting and distributed locks. You finish able to build the patterns production systems actually use, and to say where each one breaks.',
  },
  {
    number: 4,
    slug: 'high-availability-and-scaling',
    title: 'High Availability & Scaling',
    summary:
      'Persistence with RDB and AOF, replication, Sentinel, Redis Cluster and its operations, memory limits and eviction, backup and disaster recovery. You finish able to design a deployment that survives a node failure and to explain what data it can still lose.',
  },
  {
    number: 5,
    slug: 'spring-boot-integration',
    title: 'Spring Boot Integration',
    summary:
      'Spring Data Redis with Lettuce, RedisTemplate and serialisation, the cache abstraction, Spring Session, messaging, connection pools and resilience, and integration tests with Testcontainers. You finish able to wire Redis into a Spring Boot 3 service the way a senior reviewer expects.',
  },
  {
    number: 6,
    slug: 'production-operations',
    title: 'Production Operations',
    summary:
      'Monitoring, latency and the slowlog, big and hot keys, security with ACLs and TLS, an incident runbook, and a capstone on designing with Redis at scale. You finish able to run Redis on call and to defend a design in a system-design interview.',
  },
];

/** The phase with this number; throws for a number the schema should already have rejected. */
export function phaseByNumber(number: number): Phase {
  const phase = PHASES.find((p) => p.number === number);
  if (!phase) throw new RangeError(`There is no phase ${number}; phases are numbered 1 to ${PHASES.length}.`);
  return phase;
}
