/* rw_bio.c: background jobs without threads.
 *
 * Replaces bio.c (same API, bio.h). Redis hands lazy frees, file closes and fsyncs to
 * three pthreads; a browser build has no threads (no SharedArrayBuffer on a static host),
 * so each job runs at once on the caller's thread. The only jobs that can happen here are
 * lazy frees (UNLINK, FLUSHALL ASYNC, lazyfree-* settings): there are no files. INFO's
 * lazyfree_pending_objects therefore always shows 0.
 */

#include "server.h"
#include "bio.h"

void bioInit(void) {}

unsigned long bioPendingJobsOfType(int type) {
    UNUSED(type);
    return 0;
}

void bioDrainWorker(int job_type) {
    UNUSED(job_type);
}

void bioKillThreads(void) {}

void bioCreateLazyFreeJob(lazy_free_fn free_fn, int arg_count, ...) {
    void *args[arg_count > 0 ? arg_count : 1];
    va_list valist;
    va_start(valist, arg_count);
    for (int i = 0; i < arg_count; i++) args[i] = va_arg(valist, void *);
    va_end(valist);
    free_fn(args);
}

void bioCreateCloseJob(int fd, int need_fsync, int need_reclaim_cache) {
    UNUSED(need_reclaim_cache);
    if (need_fsync) redis_fsync(fd);
    close(fd);
}

void bioCreateCloseAofJob(int fd, long long offset, int need_reclaim_cache) {
    UNUSED(need_reclaim_cache);
    if (redis_fsync(fd) != -1) atomicSet(server.fsynced_reploff_pending, offset);
    close(fd);
}

void bioCreateFsyncJob(int fd, long long offset, int need_reclaim_cache) {
    UNUSED(need_reclaim_cache);
    if (redis_fsync(fd) == -1 && errno != EBADF && errno != EINVAL) {
        atomicSet(server.aof_bio_fsync_status, C_ERR);
        atomicSet(server.aof_bio_fsync_errno, errno);
    } else {
        atomicSet(server.aof_bio_fsync_status, C_OK);
        atomicSet(server.fsynced_reploff_pending, offset);
    }
}
