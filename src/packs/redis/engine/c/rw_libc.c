/* rw_libc.c: plain libc malloc/free for the shim.
 *
 * server.h marks malloc/free deprecated (Redis allocates through zmalloc so that used_memory
 * counts everything). The bytes JavaScript feeds to a client are not Redis data: they are
 * allocated with the module's _malloc and freed here, outside that accounting, as a socket's
 * kernel buffer would be.
 */
#include <stdlib.h>

void *rw_libc_malloc(size_t size) {
    return malloc(size);
}

void rw_libc_free(void *ptr) {
    free(ptr);
}
