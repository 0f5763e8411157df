/* Running out of memory, reported as such.
 *
 * relgraph's own allocations go through glib, which does not return NULL:
 * g_malloc and g_thread_new end the process with a GLib-ERROR and a
 * breakpoint trap (exit 133), which reads as a crash. Graphviz (cgraph's
 * agbindrec), pango and fontconfig, which draw the figures, do not all
 * check their allocations: under a small address-space limit (ulimit -v)
 * they dereference the NULL they got. What can be done at our boundary:
 *
 *  - glib's fatal errors of memory and threads ("failed to allocate N
 *    bytes", "creating thread '...'") go through one log writer that says
 *    "out of memory" and exits with 2, the exit code of every other error;
 *  - under a finite address-space limit (the only way a Linux process sees
 *    allocations fail), a segmentation fault, bus error or a library's
 *    failed assertion (abort) is reported as
 *    what it almost always is there, a library's unchecked allocation, with
 *    the limit and exit 2, instead of a core dump. Without a limit the
 *    signals keep their default action (and sanitizers theirs);
 *  - under such a limit glibc's malloc keeps one arena per thread, each
 *    reserving 64 MiB of address space that the limit counts: two arenas
 *    leave room for the work itself.
 */
#define _DEFAULT_SOURCE /* sigaltstack, SA_ONSTACK */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

static rlim_t address_limit = RLIM_INFINITY;

/* write(2) only: the handlers run with the heap exhausted (or broken). */
static void say(const char *text)
{
    gsize len = strlen(text);
    while (len) {
        ssize_t n = write(STDERR_FILENO, text, len);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return;
        }
        text += n;
        len -= (gsize)n;
    }
}

static void say_limit(void)
{
    if (address_limit == RLIM_INFINITY)
        return;
    char buf[160];
    g_snprintf(buf, sizeof buf, " (address-space limit %" G_GUINT64_FORMAT " MiB, ulimit -v: raise it)",
               (guint64)(address_limit >> 20));
    say(buf);
}

static gboolean is_resource_error(const char *message)
{
    return strstr(message, "failed to allocate") || strstr(message, "creating thread") ||
           strstr(message, "Cannot allocate memory") || strstr(message, "out of memory");
}

static GLogWriterOutput writer(GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer unused)
{
    (void)unused;
    if (level & G_LOG_LEVEL_ERROR) {
        const char *message = NULL;
        for (gsize i = 0; i < n_fields; i++)
            if (strcmp(fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
                message = fields[i].value;
        if (message && is_resource_error(message)) {
            say("relgraph: out of memory: ");
            say(message);
            say_limit();
            say("\n");
            _exit(CLI_EXIT_ERROR);
        }
    }
    return g_log_writer_default(level, fields, n_fields, NULL);
}

static void on_fault(int sig)
{
    say(sig == SIGBUS    ? "relgraph: out of memory: bus error"
        : sig == SIGABRT ? "relgraph: out of memory: a library's assertion failed"
                         : "relgraph: out of memory: segmentation fault");
    say(" in a library that does not check its allocations");
    say_limit();
    say("\n");
    _exit(CLI_EXIT_ERROR);
}

void cli_memory_guard_install(void)
{
    g_log_set_writer_func(writer, NULL, NULL);
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return;
    address_limit = rl.rlim_cur;
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 2);
#endif
    /* On a stack of its own: the fault may be the stack's. The threads the
     * library starts have one each (signal_stack.h). */
    static char alt[64 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    /* Graphviz asserts what it failed to allocate (textspan_size: span->font). */
    sigaction(SIGABRT, &sa, NULL);
}

const char *cli_memory_limit_hint(void)
{
    static char hint[160];
    if (address_limit == RLIM_INFINITY)
        return "";
    g_snprintf(hint, sizeof hint, " (under an address-space limit of %" G_GUINT64_FORMAT
               " MiB this is most likely out of memory; ulimit -v: raise it)", (guint64)(address_limit >> 20));
    return hint;
}
