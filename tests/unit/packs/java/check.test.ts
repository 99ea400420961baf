import { describe, expect, it } from 'vitest';
import { checkJava } from '../../../../src/packs/java/check';

describe('checking that a Java snippet parses', () => {
  it.each([
    ['accepts a class with imports as a compilation unit', 'import java.time.Duration;\n\n@Service\npublic class Cache {\n  private static final Duration TTL = Duration.ofMinutes(30);\n}', 'compilation unit'],
    ['accepts a record', 'public record Product(String id, long price) {}', 'compilation unit'],
    ['accepts a class', '@Configuration\nclass RedisConfig {\n  @Bean\n  LettuceConnectionFactory factory() { return new LettuceConnectionFactory(); }\n}', 'compilation unit'],
    ['accepts statements', 'String cached = redis.opsForValue().get("product:1");\nif (cached == null) {\n  redis.opsForValue().set("product:1", "{}", Duration.ofMinutes(30));\n}', 'statements'],
    ['accepts statements with a lambda and a try block', 'try (var c = factory.getConnection()) {\n  c.ping();\n}\nlist.forEach(x -> System.out.println(x));', 'statements'],
  ])('%s', (_name, code, shape) => {
    expect(checkJava(code)).toEqual({ ok: true, shape });
  });

  // java-parser reads Java 21+ implicitly declared classes, so members may already parse as a compilation unit.
  it.each([
    ['accepts a method', '@Bean\nRedisTemplate<String, Object> template(RedisConnectionFactory f) {\n  var t = new RedisTemplate<String, Object>();\n  t.setConnectionFactory(f);\n  return t;\n}'],
    ['accepts a field and a method', 'private final StringRedisTemplate redis;\n\nvoid touch(String key) { redis.expire(key, Duration.ofMinutes(5)); }'],
    ['accepts a constructor', 'public ProductCache(StringRedisTemplate redis) {\n  this.redis = redis;\n}'],
  ])('%s', (_name, code) => {
    expect(checkJava(code).ok).toBe(true);
  });

  it('rejects a broken snippet with the line, column and the token it did not expect', () => {
    expect(checkJava('String key = "product:" + id;\nString value = redis.opsForValue().get(key;\nreturn value;')).toEqual({
      ok: false,
      line: 2,
      column: 43,
      message: "unexpected ';', expected ')'",
    });
  });

  it('reports an unterminated string as a lexing error', () => {
    const result = checkJava('String s = "open;\n');
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ ok: false, line: 1, message: `unexpected character '"'` });
  });

  it('reports a missing brace at the end of the snippet', () => {
    expect(checkJava('class A {\n  void f() {\n  }')).toEqual({ ok: false, line: 3, column: 4, message: "unexpected end of snippet, expected '}'" });
  });
});
