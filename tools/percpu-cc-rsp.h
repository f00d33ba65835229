/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu-cc's argument vectors and response files: @file read as clang's
 * driver reads it (GNU quoting: blanks separate, '...' and "..." group, a
 * backslash takes the next character literally, inside quotes too; nested
 * files named relative to the working directory; a file that does not
 * exist left as an argument, for clang to report), and written back for
 * clang to read.
 */
#ifndef PERCPU_CC_RSP_H
#define PERCPU_CC_RSP_H

/* A growing argument vector, null-terminated; in_rsp[i] says whether
 * v[i] came from a response file. */
struct argv {
	char **v;
	char *in_rsp;
	int n, cap;
};

struct argv empty_argv(void);
void push_arg(struct argv *a, char *s, int in_rsp);

/* Append arg to out; an @file that exists is replaced by its arguments,
 * recursively (in_rsp set), at most 64 deep. */
void expand_arg(char *arg, struct argv *out, int depth);

/* "@/proc/self/fd/N": args in a response file in memory, whose descriptor
 * survives exec, for the program exec'd to read. */
char *memory_response_file(const struct argv *args);

/* percpu-cc's error exit (percpu-cc.c). */
_Noreturn void die(const char *fmt, ...);

#endif
