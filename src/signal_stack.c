/* An alternate signal stack per thread: see signal_stack.h. */
#define _DEFAULT_SOURCE /* sigaltstack */
#include <signal.h>

#include <glib.h>

#include "signal_stack.h"

/* Enough for a handler that formats a line with g_snprintf and write(2)s it. */
#define SIGNAL_STACK_BYTES (64 * 1024)

void relgraph_signal_stack_ensure(void)
{
    static __thread char stack[SIGNAL_STACK_BYTES];
    static __thread gboolean checked;
    if (checked)
        return;
    checked = TRUE;
    stack_t current;
    if (sigaltstack(NULL, &current) != 0 || !(current.ss_flags & SS_DISABLE))
        return;
    stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
}
