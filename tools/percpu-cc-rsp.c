/* SPDX-License-Identifier: BSD-2-Clause */
/* Response files for percpu-cc: see percpu-cc-rsp.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "percpu-cc-rsp.h"

void push_arg(struct argv *a, char *s, int in_rsp)
{
	if (a->n + 1 >= a->cap) {
		a->cap = a->cap ? 2 * a->cap : 64;
		a->v = realloc(a->v, a->cap * sizeof *a->v);
		a->in_rsp = realloc(a->in_rsp, a->cap);
		if (!a->v || !a->in_rsp)
			die("out of memory");
	}
	a->in_rsp[a->n] = in_rsp;
	a->v[a->n++] = s;
	a->v[a->n] = 0;
}

struct argv empty_argv(void)
{
	struct argv a = { 0 };
	push_arg(&a, 0, 0);
	a.n = 0;
	return a;
}

/* The contents of path, null-terminated, or 0 if there is no such file. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = 0;
	size_t len = 0, cap = 0, got;

	if (!f) {
		if (errno == ENOENT)
			return 0;
		die("cannot read response file %s: %s", path, strerror(errno));
	}
	do {
		if (cap - len < 4096) {
			cap = cap ? 2 * cap : 8192;
			buf = realloc(buf, cap + 1);
			if (!buf)
				die("out of memory");
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got);
	if (ferror(f))
		die("cannot read response file %s: %s", path, strerror(errno));
	fclose(f);
	buf[len] = 0;
	return buf;
}

/* Split a response file into arguments by clang's GNU rules: blanks
 * separate; '...' and "..." group; a backslash takes the next character
 * literally, inside quotes too. */
static void tokenize(const char *p, struct argv *out)
{
	char *tok = malloc(strlen(p) + 1);
	size_t n;

	if (!tok)
		die("out of memory");
	for (;;) {
		int any = 0; /* "" is an argument too */
		while (*p && strchr(" \t\r\n\v\f", *p))
			p++;
		if (!*p)
			break;
		for (n = 0; *p && !strchr(" \t\r\n\v\f", *p); p++) {
			if (*p == '\\' && p[1]) {
				tok[n++] = *++p;
			} else if (*p == '\'' || *p == '"') {
				char q = *p++;
				for (; *p && *p != q; p++) {
					if (*p == '\\' && p[1])
						p++;
					tok[n++] = *p;
				}
				any = 1;
				if (!*p)
					break;
			} else {
				tok[n++] = *p;
			}
		}
		if (n || any) {
			tok[n] = 0;
			push_arg(out, strdup(tok), 1);
		}
	}
	free(tok);
}

/* Append arg to out, with its response file's arguments in its place if
 * it is an @file that exists (clang leaves one that does not as an input,
 * and names nested ones relative to the working directory). */
void expand_arg(char *arg, struct argv *out, int depth)
{
	struct argv inner = empty_argv();
	char *text;

	if (arg[0] != '@' || !(text = read_file(arg + 1))) {
		push_arg(out, arg, depth > 0);
		return;
	}
	if (depth >= 64)
		die("response file %s: nested more than 64 deep (does it "
		    "include itself?)", arg + 1);
	tokenize(text, &inner);
	for (int i = 0; i < inner.n; i++)
		expand_arg(inner.v[i], out, depth + 1);
	free(text);
}

/* A response file in memory with args, GNU-quoted, for clang to read: its
 * descriptor survives the exec and clang opens it as /proc/self/fd/N. */
char *memory_response_file(const struct argv *args)
{
	int fd = memfd_create("percpu-cc.rsp", 0);
	FILE *f;

	if (fd < 0)
		die("cannot create a response file in memory: %s", strerror(errno));
	f = fdopen(dup(fd), "w");
	if (!f)
		die("cannot write the response file: %s", strerror(errno));
	for (int i = 0; i < args->n; i++) {
		fputc('\'', f);
		for (const char *p = args->v[i]; *p; p++) {
			if (*p == '\\' || *p == '\'')
				fputc('\\', f);
			fputc(*p, f);
		}
		fputs("'\n", f);
	}
	if (fclose(f))
		die("cannot write the response file: %s", strerror(errno));
	char *name = malloc(32);
	if (!name)
		die("out of memory");
	snprintf(name, 32, "@/proc/self/fd/%d", fd);
	return name;
}
