/* rw_shim.c: the in-browser Redis entry points.
 *
 * Compiled alongside the unmodified Redis 7.2.6 sources (see ../build.ts). It replaces
 * main(): nothing listens on a socket, there is no disk and no fork. Instead:
 *
 *  - an "inproc" ConnectionType (connection.h) whose write hands bytes to JavaScript
 *    and whose read takes bytes JavaScript supplied; a client is created with
 *    createClient(conn) exactly like an accepted TCP connection;
 *  - rw_step() runs one turn of the event loop in the order aeMain() would:
 *    afterSleep, the clients' read handlers (our "file events"), time events
 *    (serverCron at hz), beforeSleep (blocked-client timeouts, fast expiry, pending
 *    writes), then any write handlers left installed for large replies;
 *  - commands that need a disk, a fork, a network or that would kill the engine have
 *    their proc replaced by one that answers a single error line;
 *  - a Lua script still running after busy-reply-threshold is killed as SCRIPT KILL
 *    would do, because no other client can send SCRIPT KILL while this single thread
 *    runs it.
 *
 * Exported functions (called from engine.ts): rw_init, rw_version, rw_client_new,
 * rw_client_feed, rw_client_state, rw_client_unblock, rw_client_close, rw_step.
 */

#include "server.h"
#include "connhelpers.h"
#include "script.h"

#include <emscripten.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

/* Defined in server.c / networking.c but not declared in server.h. */
void initServerConfig(void);
void initServer(void);
void InitServerLast(void);
void clientAcceptHandler(connection *conn);
void beforeSleep(struct aeEventLoop *eventLoop);
void afterSleep(struct aeEventLoop *eventLoop);
extern int ProcessingEventsWhileBlocked;

/* rw_libc.c: the allocator of the bytes JavaScript feeds (the module's _malloc). */
void *rw_libc_malloc(size_t size);
void rw_libc_free(void *ptr);

/* ---------------------------------------------------------------------------
 * Calls into JavaScript (engine.ts installs Module.rwOut / rwClosed / rwFatal).
 * ------------------------------------------------------------------------- */

EM_JS(void, rw_js_out, (int handle, const char *ptr, int len), {
    Module['rwOut'](handle, HEAPU8.subarray(ptr, ptr + len));
})

EM_JS(void, rw_js_closed, (int handle), {
    Module['rwClosed'](handle);
})

EM_JS(void, rw_js_fatal, (const char *msg), {
    Module['rwFatal'](UTF8ToString(msg));
})

/* ---------------------------------------------------------------------------
 * The in-process connection type.
 * ------------------------------------------------------------------------- */

#define RW_CONN_TYPE "inproc"
#define RW_PEER_PORT_BASE 50000

typedef struct rwConn {
    connection c; /* must stay first: Redis only sees the connection */
    int handle;
    char *in;     /* bytes JavaScript fed and Redis has not read yet */
    size_t inlen;
    size_t inpos;
} rwConn;

static rwConn **rw_conns = NULL; /* handle -> connection; NULL once closed */
static int rw_conns_cap = 0;
static int rw_next_handle = 1;

static ConnectionType CT_InProc;

static rwConn *rwLookup(int handle) {
    if (handle <= 0 || handle >= rw_conns_cap) return NULL;
    return rw_conns[handle];
}

static const char *rwConnGetType(connection *conn) {
    UNUSED(conn);
    return RW_CONN_TYPE;
}

static int rwConnAddr(connection *conn, char *ip, size_t ip_len, int *port, int remote) {
    rwConn *rc = (rwConn *)conn;
    if (ip) redis_strlcpy(ip, "127.0.0.1", ip_len);
    if (port) *port = remote ? RW_PEER_PORT_BASE + rc->handle : server.port;
    return 0;
}

static int rwConnIsLocal(connection *conn) {
    UNUSED(conn);
    return 1;
}

static int rwConnListen(connListener *listener) {
    UNUSED(listener);
    return C_ERR;
}

static connection *rwConnCreate(void) {
    rwConn *rc = zcalloc(sizeof(*rc));
    rc->c.type = &CT_InProc;
    rc->c.fd = -1;
    rc->c.iovcnt = IOV_MAX;
    return &rc->c;
}

static void rwConnShutdown(connection *conn) {
    UNUSED(conn);
}

static void rwConnClose(connection *conn) {
    rwConn *rc = (rwConn *)conn;
    /* Called from within a handler: close once the handler returns (callHandler). */
    if (connHasRefs(conn)) {
        conn->flags |= CONN_FLAG_CLOSE_SCHEDULED;
        return;
    }
    int handle = rc->handle;
    if (handle > 0 && handle < rw_conns_cap) rw_conns[handle] = NULL;
    rw_libc_free(rc->in);
    zfree(rc);
    if (handle > 0) rw_js_closed(handle);
}

static int rwConnConnect(connection *conn, const char *addr, int port, const char *src_addr,
                         ConnectionCallbackFunc connect_handler) {
    UNUSED(addr); UNUSED(port); UNUSED(src_addr); UNUSED(connect_handler);
    conn->last_errno = ENOTSUP;
    conn->state = CONN_STATE_ERROR;
    return C_ERR;
}

static int rwConnBlockingConnect(connection *conn, const char *addr, int port, long long timeout) {
    UNUSED(addr); UNUSED(port); UNUSED(timeout);
    conn->last_errno = ENOTSUP;
    conn->state = CONN_STATE_ERROR;
    return C_ERR;
}

static int rwConnAccept(connection *conn, ConnectionCallbackFunc accept_handler) {
    conn->state = CONN_STATE_CONNECTED;
    if (!callHandler(conn, accept_handler)) return C_ERR;
    return C_OK;
}

static int rwConnWrite(connection *conn, const void *data, size_t data_len) {
    rwConn *rc = (rwConn *)conn;
    if (conn->state != CONN_STATE_CONNECTED) {
        conn->last_errno = EPIPE;
        return -1;
    }
    if (data_len) rw_js_out(rc->handle, data, (int)data_len);
    return (int)data_len;
}

static int rwConnWritev(connection *conn, const struct iovec *iov, int iovcnt) {
    rwConn *rc = (rwConn *)conn;
    if (conn->state != CONN_STATE_CONNECTED) {
        conn->last_errno = EPIPE;
        return -1;
    }
    size_t total = 0;
    for (int i = 0; i < iovcnt; i++) {
        if (iov[i].iov_len) rw_js_out(rc->handle, iov[i].iov_base, (int)iov[i].iov_len);
        total += iov[i].iov_len;
    }
    return (int)total;
}

static int rwConnRead(connection *conn, void *buf, size_t buf_len) {
    rwConn *rc = (rwConn *)conn;
    size_t avail = rc->inlen - rc->inpos;
    if (avail == 0) {
        /* Like EAGAIN on a socket: nothing now, the connection stays open. */
        conn->last_errno = EAGAIN;
        return -1;
    }
    size_t n = avail < buf_len ? avail : buf_len;
    memcpy(buf, rc->in + rc->inpos, n);
    rc->inpos += n;
    if (rc->inpos == rc->inlen) {
        rw_libc_free(rc->in);
        rc->in = NULL;
        rc->inlen = rc->inpos = 0;
    }
    return (int)n;
}

static int rwConnSetWriteHandler(connection *conn, ConnectionCallbackFunc func, int barrier) {
    conn->write_handler = func;
    if (barrier) conn->flags |= CONN_FLAG_WRITE_BARRIER;
    else conn->flags &= ~CONN_FLAG_WRITE_BARRIER;
    return C_OK;
}

static int rwConnSetReadHandler(connection *conn, ConnectionCallbackFunc func) {
    conn->read_handler = func;
    return C_OK;
}

static const char *rwConnGetLastError(connection *conn) {
    return strerror(conn->last_errno);
}

static ssize_t rwConnSyncIO(connection *conn, char *ptr, ssize_t size, long long timeout) {
    UNUSED(ptr); UNUSED(size); UNUSED(timeout);
    /* Blocking I/O would hang the only thread there is. */
    conn->last_errno = ENOTSUP;
    return -1;
}

static ConnectionType CT_InProc = {
    .get_type = rwConnGetType,
    .init = NULL,
    .cleanup = NULL,
    .configure = NULL,
    .ae_handler = NULL,
    .accept_handler = NULL,
    .addr = rwConnAddr,
    .is_local = rwConnIsLocal,
    .listen = rwConnListen,
    .conn_create = rwConnCreate,
    .conn_create_accepted = NULL,
    .shutdown = rwConnShutdown,
    .close = rwConnClose,
    .connect = rwConnConnect,
    .blocking_connect = rwConnBlockingConnect,
    .accept = rwConnAccept,
    .write = rwConnWrite,
    .writev = rwConnWritev,
    .read = rwConnRead,
    .set_write_handler = rwConnSetWriteHandler,
    .set_read_handler = rwConnSetReadHandler,
    .get_last_error = rwConnGetLastError,
    .sync_write = rwConnSyncIO,
    .sync_read = rwConnSyncIO,
    .sync_readline = rwConnSyncIO,
    .has_pending_data = NULL,
    .process_pending_data = NULL,
    .get_peer_cert = NULL,
};

/* ---------------------------------------------------------------------------
 * Commands a tab cannot run: one error line each, never a hang or an exit.
 * ------------------------------------------------------------------------- */

typedef struct rwRefusal {
    const char *name;   /* command name as in the command table */
    const char *reason;
} rwRefusal;

static const rwRefusal rw_refusals[] = {
    {"save", "there is no disk here"},
    {"bgsave", "there is no disk here"},
    {"bgrewriteaof", "there is no disk here"},
    {"replicaof", "there is no network here, so no replication"},
    {"slaveof", "there is no network here, so no replication"},
    {"sync", "there is no network here, so no replication"},
    {"psync", "there is no network here, so no replication"},
    {"replconf", "there is no network here, so no replication"},
    {"failover", "there is no network here, so no replication"},
    {"migrate", "there is no network here"},
    {"cluster", "it runs a single server, not a cluster"},
    {"shutdown", "the engine cannot be shut down from a command (reset it from the page)"},
    {"debug", "DEBUG can crash or stall the engine"},
    {"monitor", "MONITOR is not supported by the in-process engine"},
    {"module", "modules cannot be loaded in a browser"},
    {NULL, NULL},
};

#define RW_REFUSAL_FMT "%s is not available in the in-browser Redis: %s"

static const char *rwReasonFor(const char *name) {
    for (int i = 0; rw_refusals[i].name; i++)
        if (!strcasecmp(rw_refusals[i].name, name)) return rw_refusals[i].reason;
    return "it is not supported here";
}

static void rwRefuseCommand(client *c) {
    /* The top-level command name, upper case, as the learner typed it. */
    const char *top = c->cmd->parent ? c->cmd->parent->declared_name : c->cmd->declared_name;
    sds upper = sdsnew(top);
    sdstoupper(upper);
    addReplyErrorFormat(c, RW_REFUSAL_FMT, upper, rwReasonFor(top));
    sdsfree(upper);
}

static void rwRefuse(const char *name) {
    struct redisCommand *cmd = lookupCommandByCString(name);
    if (!cmd) return;
    cmd->proc = rwRefuseCommand;
    if (cmd->subcommands_dict) {
        dictIterator *di = dictGetIterator(cmd->subcommands_dict);
        dictEntry *de;
        while ((de = dictNext(di)) != NULL) {
            struct redisCommand *sub = dictGetVal(de);
            sub->proc = rwRefuseCommand; /* HELP too: it would list what cannot run */
        }
        dictReleaseIterator(di);
    }
}

/* SCRIPT DEBUG YES forks a child and SCRIPT DEBUG SYNC blocks on the client's socket. */
static redisCommandProc *rw_orig_script_debug = NULL;

static void rwScriptDebugCommand(client *c) {
    if (c->argc == 3 && !strcasecmp(c->argv[2]->ptr, "no")) {
        rw_orig_script_debug(c);
        return;
    }
    addReplyErrorFormat(c, RW_REFUSAL_FMT, "SCRIPT DEBUG",
                        "the Lua debugger needs a fork or a blocking socket");
}

/* CONFIG SET: refuse the parameters that would start disk writes, a fork, a listener or
 * a signal timer, and keep the memory limits within what a tab can hold: at most 128mb of
 * data, one value or argument of at most 32mb, a query buffer or a reply of at most 64mb
 * (the WebAssembly memory stops at 512 MB; past it a malloc fails and the engine stops). */
#define RW_DEFAULT_MAXMEMORY "64mb"
#define RW_MAX_MAXMEMORY (128ULL * 1024 * 1024)
#define RW_MAX_BULK "32mb"
#define RW_MAX_BULK_BYTES (32ULL * 1024 * 1024)
#define RW_MAX_BUFFER "64mb"
#define RW_MAX_BUFFER_BYTES (64ULL * 1024 * 1024)

static redisCommandProc *rw_orig_config_set = NULL;

static const char *rw_config_denied[] = {
    "dir", "dbfilename", "appendfilename", "appenddirname", "logfile", "pidfile",
    "port", "tls-port", "bind", "bind-source-addr", "unixsocket", "unixsocketperm",
    "io-threads", "io-threads-do-reads", "daemonize", "supervised", "syslog-enabled",
    "cluster-enabled", "watchdog-period", "oom-score-adj", "oom-score-adj-values",
    "disable-thp", "enable-debug-command", "enable-module-command", "enable-protected-configs",
    "replicaof", "slaveof", "masterhost", "masterport",
    NULL,
};

/* A memory limit must stay within `max` (and not be 0, "no limit", when `nonzero`). */
static int rwLimitRefused(client *c, const char *name, const char *value,
                          unsigned long long max, const char *max_text, int nonzero) {
    int err = 0;
    unsigned long long v = memtoull(value, &err);
    if (err) return 0; /* let Redis report the bad value itself */
    if ((nonzero && v == 0) || v > max) {
        sds what = sdscatfmt(sdsempty(), "CONFIG SET %s 0 or above %s", name, max_text);
        addReplyErrorFormat(c, RW_REFUSAL_FMT, what, "a browser tab has little memory");
        sdsfree(what);
        return 1;
    }
    return 0;
}

static int rwConfigValueRefused(client *c, const char *name, const char *value) {
    if (!strcasecmp(name, "save")) {
        if (value[0] == '\0') return 0;
        addReplyErrorFormat(c, RW_REFUSAL_FMT, "CONFIG SET save", "there is no disk here");
        return 1;
    }
    if (!strcasecmp(name, "appendonly")) {
        if (!strcasecmp(value, "no")) return 0;
        addReplyErrorFormat(c, RW_REFUSAL_FMT, "CONFIG SET appendonly", "there is no disk here");
        return 1;
    }
    if (!strcasecmp(name, "maxmemory"))
        return rwLimitRefused(c, name, value, RW_MAX_MAXMEMORY, "128mb", 1);
    if (!strcasecmp(name, "proto-max-bulk-len"))
        return rwLimitRefused(c, name, value, RW_MAX_BULK_BYTES, RW_MAX_BULK, 1);
    if (!strcasecmp(name, "client-query-buffer-limit"))
        return rwLimitRefused(c, name, value, RW_MAX_BUFFER_BYTES, RW_MAX_BUFFER, 1);
    if (!strcasecmp(name, "client-output-buffer-limit")) {
        /* "<class> <hard> <soft> <seconds>"...: normal and pubsub clients must keep a hard limit. */
        int argc = 0;
        sds *argv = sdssplitargs(value, &argc);
        int refused = 0;
        for (int j = 0; argv && j + 3 < argc && !refused; j += 4) {
            if (strcasecmp(argv[j], "normal") && strcasecmp(argv[j], "pubsub")) continue;
            sds what = sdscatfmt(sdsempty(), "%s %s", name, argv[j]);
            refused = rwLimitRefused(c, what, argv[j + 1], RW_MAX_BUFFER_BYTES, RW_MAX_BUFFER, 1);
            sdsfree(what);
        }
        if (argv) sdsfreesplitres(argv, argc);
        return refused;
    }
    for (int i = 0; rw_config_denied[i]; i++) {
        if (!strcasecmp(name, rw_config_denied[i])) {
            sds what = sdscatfmt(sdsempty(), "CONFIG SET %s", rw_config_denied[i]);
            addReplyErrorFormat(c, RW_REFUSAL_FMT, what,
                                "the engine has no files, sockets or processes");
            sdsfree(what);
            return 1;
        }
    }
    return 0;
}

static void rwConfigSetCommand(client *c) {
    if (!(c->argc & 1)) {
        for (int j = 2; j + 1 < c->argc; j += 2) {
            if (rwConfigValueRefused(c, c->argv[j]->ptr, c->argv[j + 1]->ptr)) return;
        }
    }
    rw_orig_config_set(c);
}

static void rwInstallCommandOverrides(void) {
    for (int i = 0; rw_refusals[i].name; i++) rwRefuse(rw_refusals[i].name);

    struct redisCommand *cmd = lookupCommandByCString("script|debug");
    if (cmd) {
        rw_orig_script_debug = cmd->proc;
        cmd->proc = rwScriptDebugCommand;
    }
    cmd = lookupCommandByCString("config|set");
    if (cmd) {
        rw_orig_config_set = cmd->proc;
        cmd->proc = rwConfigSetCommand;
    }
}

/* ---------------------------------------------------------------------------
 * Busy scripts. While a script runs past busy-reply-threshold, Redis re-enters the
 * event loop (processEventsWhileBlocked) so that another client can send SCRIPT KILL.
 * Here no other client can be heard until the script returns, so the engine sends it
 * itself, from the beforeSleep hook that processEventsWhileBlocked calls. A script that
 * already wrote cannot be killed (Redis answers UNKILLABLE and would need SHUTDOWN
 * NOSAVE): after one more second the engine stops with a fatal error and the page
 * starts a fresh one.
 * ------------------------------------------------------------------------- */

static client *rw_fake_client = NULL; /* receives nothing: it has no connection */
static mstime_t rw_kill_sent_at = 0;

static void rwBeforeSleep(struct aeEventLoop *el) {
    beforeSleep(el);
    if (!ProcessingEventsWhileBlocked) return;
    if (!scriptIsRunning() || !scriptIsTimedout()) return;

    mstime_t now = mstime();
    if (rw_kill_sent_at == 0) {
        serverLog(LL_WARNING, "In-browser Redis: killing a script that ran past busy-reply-threshold.");
        rw_kill_sent_at = now;
        /* Created on first use so that client ids match a native server's (the first client is 3). */
        if (!rw_fake_client) rw_fake_client = createClient(NULL);
        scriptKill(rw_fake_client, scriptIsEval());
    } else if (now - rw_kill_sent_at > 1000) {
        rw_js_fatal("a script that already wrote data ran past busy-reply-threshold and "
                    "cannot be killed; the engine stopped");
        abort();
    }
}

/* ---------------------------------------------------------------------------
 * Out of memory: Redis would panic; tell JavaScript why, then stop.
 * ------------------------------------------------------------------------- */

static void rwOutOfMemory(size_t allocation_size) {
    char msg[128];
    snprintf(msg, sizeof(msg), "out of memory allocating %zu bytes; the engine stopped",
             allocation_size);
    rw_js_fatal(msg);
    abort();
}

/* ---------------------------------------------------------------------------
 * Entry points.
 * ------------------------------------------------------------------------- */

static int rw_ready = 0;

EMSCRIPTEN_KEEPALIVE const char *rw_version(void) {
    return REDIS_VERSION;
}

/* Same start-up order as main() in server.c, minus: sentinel, daemonize, pid file,
 * listeners, cluster, loading RDB/AOF. Returns 0 on success. */
EMSCRIPTEN_KEEPALIVE int rw_init(void) {
    if (rw_ready) return 0;
    struct timeval tv;

    tzset();
    zmalloc_set_oom_handler(rwOutOfMemory);
    gettimeofday(&tv, NULL);
    srand(time(NULL) ^ getpid() ^ tv.tv_usec);
    srandom(time(NULL) ^ getpid() ^ tv.tv_usec);
    init_genrand64(((long long)tv.tv_sec * 1000000 + tv.tv_usec) ^ getpid());
    crc64_init();
    umask(server.umask = umask(0777));

    uint8_t hashseed[16];
    getRandomBytes(hashseed, sizeof(hashseed));
    dictSetHashFunctionSeed(hashseed);

    server.sentinel_mode = 0;
    initServerConfig();
    /* getTimeZone() reads an uninitialised struct timezone outside Linux: UTC it is. */
    server.timezone = 0;
    ACLInit();
    moduleInitModulesSystem();
    connTypeInitialize();
    if (connTypeRegister(&CT_InProc) != C_OK) return 1;

    server.executable = zstrdup("/redis-server");
    server.exec_argv = zmalloc(sizeof(char *) * 2);
    server.exec_argv[0] = zstrdup("redis-server");
    server.exec_argv[1] = NULL;

    /* The engine's fixed configuration (a browser tab: no disk, one thread, little memory). */
    sds options = sdsnew(
        "save \"\"\n"
        "appendonly no\n"
        "maxmemory " RW_DEFAULT_MAXMEMORY "\n"
        "maxmemory-policy noeviction\n"
        "proto-max-bulk-len " RW_MAX_BULK "\n"
        "client-query-buffer-limit " RW_MAX_BUFFER "\n"
        "client-output-buffer-limit \"normal " RW_MAX_BUFFER " 0 0\"\n"
        "io-threads 1\n"
        "loglevel warning\n"
        "daemonize no\n"
        "logfile \"\"\n");
    loadServerConfig(NULL, 0, options);
    sdsfree(options);

    initServer();
    moduleInitModulesSystemLast();
    moduleLoadFromQueue();
    ACLLoadUsersAtStartup();
    InitServerLast();

    rwInstallCommandOverrides();
    aeSetBeforeSleepProc(server.el, rwBeforeSleep);

    rw_ready = 1;
    return 0;
}

/* A new in-process client, as if a TCP connection had just been accepted.
 * Returns its handle (> 0), or 0 when maxclients is reached. */
EMSCRIPTEN_KEEPALIVE int rw_client_new(void) {
    if (!rw_ready) return 0;
    if (listLength(server.clients) >= server.maxclients) {
        server.stat_rejected_conn++;
        return 0;
    }
    updateCachedTime(0); /* the client's ctime (CLIENT LIST age) */
    connection *conn = rwConnCreate();
    rwConn *rc = (rwConn *)conn;
    int handle = rw_next_handle++;
    if (handle >= rw_conns_cap) {
        int cap = rw_conns_cap ? rw_conns_cap * 2 : 64;
        while (cap <= handle) cap *= 2;
        rw_conns = zrealloc(rw_conns, sizeof(rwConn *) * cap);
        memset(rw_conns + rw_conns_cap, 0, sizeof(rwConn *) * (cap - rw_conns_cap));
        rw_conns_cap = cap;
    }
    rc->handle = handle;
    rw_conns[handle] = rc;

    client *c = createClient(conn);
    if (c == NULL) {
        rc->handle = 0;
        rw_conns[handle] = NULL;
        connClose(conn);
        return 0;
    }
    if (connAccept(conn, clientAcceptHandler) == C_ERR) {
        freeClient(c);
        return 0;
    }
    return handle;
}

/* Give Redis the bytes of one or more commands (RESP). Takes ownership of buf, which
 * must come from malloc. Processed by the next rw_step(). */
EMSCRIPTEN_KEEPALIVE int rw_client_feed(int handle, char *buf, size_t len) {
    rwConn *rc = rwLookup(handle);
    if (!rc) {
        rw_libc_free(buf);
        return -1;
    }
    if (rc->in == NULL) {
        rc->in = buf;
        rc->inlen = len;
        rc->inpos = 0;
    } else {
        size_t left = rc->inlen - rc->inpos;
        char *merged = rw_libc_malloc(left + len);
        if (!merged) rwOutOfMemory(left + len);
        memcpy(merged, rc->in + rc->inpos, left);
        memcpy(merged + left, buf, len);
        rw_libc_free(rc->in);
        rw_libc_free(buf);
        rc->in = merged;
        rc->inlen = left + len;
        rc->inpos = 0;
    }
    return 0;
}

/* Client state bits for engine.ts. */
#define RW_STATE_OPEN     (1 << 0)
#define RW_STATE_BLOCKED  (1 << 1)
#define RW_STATE_PUBSUB   (1 << 2)
#define RW_STATE_RESP3    (1 << 3)
#define RW_STATE_INPUT    (1 << 4) /* fed bytes not yet read */

EMSCRIPTEN_KEEPALIVE int rw_client_state(int handle) {
    rwConn *rc = rwLookup(handle);
    if (!rc) return 0;
    int state = RW_STATE_OPEN;
    client *c = connGetPrivateData(&rc->c);
    if (c) {
        if (c->flags & CLIENT_BLOCKED) state |= RW_STATE_BLOCKED;
        if (c->flags & CLIENT_PUBSUB) state |= RW_STATE_PUBSUB;
        if (c->resp == 3) state |= RW_STATE_RESP3;
    }
    if (rc->inlen > rc->inpos) state |= RW_STATE_INPUT;
    return state;
}

/* End a blocking command as if its timeout had expired (CLIENT UNBLOCK <id> TIMEOUT).
 * Returns 1 if the client was blocked and is now answered. */
EMSCRIPTEN_KEEPALIVE int rw_client_unblock(int handle) {
    rwConn *rc = rwLookup(handle);
    if (!rc) return 0;
    client *c = connGetPrivateData(&rc->c);
    if (!c || !(c->flags & CLIENT_BLOCKED)) return 0;
    switch (c->bstate.btype) {
    case BLOCKED_LIST:
    case BLOCKED_ZSET:
    case BLOCKED_STREAM:
    case BLOCKED_WAIT:
    case BLOCKED_WAITAOF:
        unblockClientOnTimeout(c);
        return 1;
    default:
        /* BLOCKED_POSTPONE (CLIENT PAUSE) has no timeout reply: it runs when the pause ends. */
        return 0;
    }
}

/* Close the connection from the client side (like the peer closing its socket). */
EMSCRIPTEN_KEEPALIVE void rw_client_close(int handle) {
    rwConn *rc = rwLookup(handle);
    if (!rc) return;
    client *c = connGetPrivateData(&rc->c);
    if (c) freeClient(c);
    else connClose(&rc->c);
}

/* Read what the clients were fed, running their commands. */
static void rwDispatchInput(void) {
    for (int h = 1; h < rw_next_handle && h < rw_conns_cap; h++) {
        rwConn *rc = rw_conns[h];
        while (rc && rc->inlen > rc->inpos && rc->c.read_handler &&
               rc->c.state == CONN_STATE_CONNECTED) {
            size_t left = rc->inlen - rc->inpos;
            if (!callHandler(&rc->c, rc->c.read_handler)) break; /* closed and freed */
            rc = rw_conns[h];
            if (!rc || rc->inlen - rc->inpos >= left) break; /* nothing more was read */
        }
    }
}

/* Large replies: writeToClient stops after NET_MAX_WRITES_PER_EVENT and installs a write
 * handler; on a socket, the next writable event continues. Here the connection is always
 * writable, so finish them now. */
static void rwDrainWriteHandlers(void) {
    int again = 1;
    while (again) {
        again = 0;
        for (int h = 1; h < rw_next_handle && h < rw_conns_cap; h++) {
            rwConn *rc = rw_conns[h];
            if (!rc || !rc->c.write_handler || rc->c.state != CONN_STATE_CONNECTED) continue;
            if (!callHandler(&rc->c, rc->c.write_handler)) continue;
            rc = rw_conns[h];
            if (rc && rc->c.write_handler) again = 1;
        }
    }
    freeClientsInAsyncFreeQueue();
}

static int rwDbsHaveExpires(void) {
    for (int j = 0; j < server.dbnum; j++)
        if (dictSize(server.db[j].expires)) return 1;
    return 0;
}

/* One turn of the event loop. Returns the delay in ms after which the engine wants the
 * next turn: soon while a blocked client waits for a timeout, at hz while keys have a
 * TTL or clients are blocked or paused, rarely when idle. */
EMSCRIPTEN_KEEPALIVE int rw_step(void) {
    if (!rw_ready) return 1000;
    rw_kill_sent_at = 0;

    afterSleep(server.el);
    rwDispatchInput();
    aeProcessEvents(server.el, AE_FILE_EVENTS | AE_TIME_EVENTS | AE_DONT_WAIT);
    beforeSleep(server.el);
    rwDrainWriteHandlers();

    int cron_ms = server.hz > 0 ? 1000 / server.hz : 100;
    if (raxSize(server.clients_timeout_table) > 0) return 10;
    if (server.blocked_clients > 0 || server.paused_actions || rwDbsHaveExpires())
        return cron_ms;
    return 1000;
}
