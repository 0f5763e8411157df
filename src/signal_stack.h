/* An alternate signal stack for the threads relgraph starts. Private to
 * the library's modules.
 *
 * A thread whose own stack overflows cannot run a signal handler on it:
 * the process dies of a second fault instead. This happens under a small
 * address-space limit (ulimit -v), where glib, failing to allocate the
 * message of its own out-of-memory error, logs again, and again, until
 * the stack is gone. A program that reports faults (the relgraph CLI, a
 * handler installed with SA_ONSTACK) can then only do so on a stack of the
 * thread's own that is not the exhausted one.
 */
#ifndef RELGRAPH_SIGNAL_STACK_H
#define RELGRAPH_SIGNAL_STACK_H

/* Gives the calling thread an alternate signal stack unless it has one
 * (the main thread's of the CLI, a sanitizer's): static thread-local
 * memory, nothing allocated. Cheap enough to call at the start of every
 * task a pool thread runs. */
void relgraph_signal_stack_ensure(void);

#endif
