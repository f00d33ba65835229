/*
 * percpu-cc - run clang with the percpu-llvm plugin, header and runtime.
 *
 * Every argument goes to clang unchanged and in order. percpu-cc adds the
 * target, the plugin and the include directory in front and, when the
 * command links, the runtime archive for the target's arch and register at
 * the end, so that it resolves what the user's objects use.
 *
 * Base register: --percpu-reg=REG other than the arch's default becomes
 * -DPERCPU_REGISTER=REG (which <percpu.h> hands to the pass) and links
 * lib/<arch>-REG/libpercpu.a instead of lib/<arch>/libpercpu.a.
 *
 * Cross targets (every arch but x86_64) link with lld: there is no GNU ld
 * for them here, and lld never relaxes to gp unasked. Nothing else is
 * added: with a sysroot for the target a link is an ordinary one, and
 * without one the user links freestanding programs with -ffreestanding
 * -nostdlib -static and brings _start, memcpy and memset (the compiler may
 * call them; the runtime itself needs no C library).
 *
 * Shared libraries (-shared): the runtime is not linked. Per-CPU data
 * belongs to the executable; a -fPIC unit with per-CPU data then fails to
 * link, naming percpu_llvm_per_cpu_data_in_shared_library_unsupported
 * (include/percpu/abi.h), and a library without any links as usual.
 *
 * RISC-V with gp as the base register: gp must never serve as the global
 * pointer. lld relaxes accesses into gp-relative ones only with
 * --relax-gp, GNU ld whenever __global_pointer$ exists (its default
 * scripts define it). percpu-cc therefore adds -Wl,--no-relax-gp to such
 * links (lld's default made explicit; it stops a GNU ld chosen with
 * -fuse-ld too, and a GNU ld too old to know it fails the link instead of
 * relaxing silently), and refuses --relax-gp from the user.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "percpu/abi.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* Per arch: the registers that may hold the per-CPU base, default first
 * (include/percpu/abi.h's table). */
static const struct arch {
	const char *name;
	const char *regs[4]; /* null-terminated */
	const char *why; /* "" unless the arch allows a single register */
} arches[] = {
#define ARCH_ROW(arch, why, ...) { #arch, { __VA_ARGS__ }, why },
	PERCPU_ARCHES(ARCH_ROW)
#undef ARCH_ROW
};
#define NARCH (sizeof arches / sizeof arches[0])

/*
 * Options whose value is the next argument: that value is not an input.
 * Response files (@file) are not read, so they never make a command link.
 */
static const char *const with_value[] = {
	"-o", "-x", "-I", "-D", "-U", "-L", "-l", "-T", "-u", "-z", "-target",
	"-include", "-imacros", "-isystem", "-idirafter", "-iquote", "-isysroot",
	"-MF", "-MT", "-MQ", "-Xclang", "-Xlinker", "-Xassembler",
	"-Xpreprocessor", "-mllvm", "--sysroot", 0,
};

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	fputs("percpu-cc: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static char *xstrcat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	if (!s)
		die("out of memory");
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* Major version of the clang at path, from `clang -dumpversion`. */
static long clang_major(const char *path)
{
	char buf[64] = "";
	int fd[2], st;
	ssize_t n, len = 0;
	pid_t pid;

	if (pipe(fd) || (pid = fork()) < 0)
		die("cannot run %s: %s", path, strerror(errno));
	if (!pid) {
		char *const argv[] = { (char *)path, "-dumpversion", 0 };
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execvp(path, argv);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += n;
	buf[len] = 0;
	close(fd[0]);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) ||
	    !isdigit((unsigned char)buf[0]))
		die("cannot get the version of PERCPU_CLANG=%s "
		    "(`%s -dumpversion` failed)", path, path);
	return strtol(buf, 0, 10);
}

/* Print an argument so that a shell would read it back unchanged. */
static void print_arg(const char *s)
{
	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			    "0123456789_-+=/.,:@%") == strlen(s)) {
		fputs(s, stdout);
		return;
	}
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\'", stdout); /* close, escaped quote, reopen */
		putchar(*s);
	}
	putchar('\'');
}

/* Whether a linker argument list (-Wl,a,b or -Xlinker's value) has opt. */
static int linker_args_have(const char *s, const char *opt)
{
	size_t n = strlen(opt);
	for (;;) {
		if (!strncmp(s, opt, n) && (s[n] == ',' || !s[n]))
			return 1;
		s = strchr(s, ',');
		if (!s)
			return 0;
		s++;
	}
}

static void usage(void)
{
	puts("usage: percpu-cc [percpu-cc options] [clang arguments]\n"
	     "\n"
	     "Runs clang with the percpu-llvm plugin and include directory and,\n"
	     "when linking, the runtime library for the target.\n"
	     "\n"
	     "  --percpu-reg=REG         register holding the per-CPU base:\n"
	     "                           x86_64: gs; aarch64: tpidr_el1 (default),\n"
	     "                           tpidr_el2, tpidr_el0; riscv64/riscv32:\n"
	     "                           gp (default), tp; loongarch64: r21\n"
	     "                           A register other than the default adds\n"
	     "                           -DPERCPU_REGISTER=REG and links\n"
	     "                           lib/<arch>-REG/libpercpu.a\n"
	     "  --percpu-single-cpu      one CPU: per-CPU variables become plain\n"
	     "                           globals (-DPERCPU_SINGLE_CPU), linked\n"
	     "                           with lib/<arch>-single/libpercpu.a\n"
	     "  --percpu-preempt-hooks   this_cpu_* operations that need it call\n"
	     "                           percpu_preempt_disable/enable\n"
	     "                           (-DPERCPU_PREEMPT_HOOKS)\n"
	     "  --percpu-print-config    print the configuration and the clang\n"
	     "                           command, without running it\n"
	     "  --help                   print this text\n"
	     "\n"
	     "Every other argument goes to clang unchanged. PERCPU_CLANG names\n"
	     "another clang (of LLVM " STR(PERCPU_CC_LLVM_MAJOR) ", the plugin's).\n"
	     "\n"
	     "Cross targets (all but x86_64) link with -fuse-ld=lld unless\n"
	     "-fuse-ld or --ld-path is given; nothing else is added (but see\n"
	     "RISC-V below). Without a sysroot for the target, link with\n"
	     "  -ffreestanding -nostdlib -static\n"
	     "and provide _start, memcpy and memset (the compiler may emit\n"
	     "calls to them); the runtime needs no C library. 8-byte this_cpu_*\n"
	     "on riscv32 call __atomic_*_8 functions (libatomic).\n"
	     "\n"
	     "RISC-V with gp as the per-CPU register: gp must never be used as\n"
	     "the global pointer. lld relaxes to gp only with --relax-gp, GNU ld\n"
	     "whenever __global_pointer$ exists; percpu-cc adds\n"
	     "-Wl,--no-relax-gp to the link and rejects --relax-gp.\n"
	     "\n"
	     "-shared links no runtime: per-CPU data belongs to the executable,\n"
	     "and a -fPIC unit with per-CPU data fails to link into a shared\n"
	     "library, naming percpu_llvm_per_cpu_data_in_shared_library_unsupported.");
}

int main(int argc, char **argv)
{
	const char *clang = PERCPU_CC_CLANG, *target = 0, *triple, *reg = 0;
	const char *env;
	const struct arch *a = 0;
	int print_config = 0, compile_only = 0, has_input = 0, user_ld = 0;
	int user_x = 0, relax_gp = 0, single_cpu = 0, preempt_hooks = 0;
	int shared = 0, link, i, j, n = 0;
	char **args = malloc((argc + 16) * sizeof *args); /* ours: at most 12 */
	char *runtime;
	int riscv_gp;
	size_t k;

	if (!args)
		die("out of memory");

	/* Consume our options and learn what clang will do. */
	for (i = j = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!strncmp(s, "--percpu-reg=", 13)) {
			reg = s + 13;
			continue;
		}
		if (!strcmp(s, "--percpu-print-config")) {
			print_config = 1;
			continue;
		}
		if (!strcmp(s, "--percpu-single-cpu")) {
			single_cpu = 1;
			continue;
		}
		if (!strcmp(s, "--percpu-preempt-hooks")) {
			preempt_hooks = 1;
			continue;
		}
		if (!strcmp(s, "--help")) {
			usage();
			return 0;
		}
		if (!strncmp(s, "--percpu", 8))
			die("unknown option '%s' (see percpu-cc --help)", s);
		argv[j++] = argv[i];
		if (!strncmp(s, "--target=", 9))
			target = s + 9;
		else if (!strcmp(s, "-target") && i + 1 < argc)
			target = argv[i + 1];
		else if (!strcmp(s, "-target"))
			die("missing triple after -target");
		if (!strcmp(s, "-c") || !strcmp(s, "-S") || !strcmp(s, "-E") ||
		    !strcmp(s, "-fsyntax-only") || !strcmp(s, "-M") ||
		    !strcmp(s, "-MM"))
			compile_only = 1;
		if (!strcmp(s, "-shared"))
			shared = 1;
		if (!strncmp(s, "-fuse-ld", 8) || !strncmp(s, "--ld-path", 9))
			user_ld = 1;
		if (!strncmp(s, "-x", 2))
			user_x = 1;
		if (!strncmp(s, "-Wl,", 4) && (linker_args_have(s + 4, "--relax-gp") ||
					      linker_args_have(s + 4, "-relax-gp")))
			relax_gp = 1;
		if (!strcmp(s, "-Xlinker") && i + 1 < argc &&
		    (!strcmp(argv[i + 1], "--relax-gp") ||
		     !strcmp(argv[i + 1], "-relax-gp")))
			relax_gp = 1;
		if (in_list(s, with_value)) {
			if (i + 1 < argc)
				argv[j++] = argv[++i];
		} else if (s[0] != '-' || !s[1]) {
			has_input = 1; /* a file, or "-" for stdin */
		}
	}
	argc = j;
	argv[argc] = 0;
	link = !compile_only && has_input;

	/* The plugin only loads into the LLVM it was built against. */
	env = getenv("PERCPU_CLANG");
	if (env && *env) {
		long major = clang_major(env);
		clang = env;
		if (major != PERCPU_CC_LLVM_MAJOR)
			die("PERCPU_CLANG=%s is LLVM %ld, but the plugin is built "
			    "for LLVM %d; to use that clang, build percpu-llvm "
			    "with -DLLVM_DIR for LLVM %ld (e.g. "
			    "-DLLVM_DIR=/usr/lib/llvm-%ld/lib/cmake/llvm)",
			    env, major, PERCPU_CC_LLVM_MAJOR, major, major);
	}

	/* The arch is the triple's first component. */
	triple = target ? target : PERCPU_CC_DEFAULT_TARGET;
	k = strcspn(triple, "-");
	for (size_t t = 0; t < NARCH; t++)
		if (strlen(arches[t].name) == k && !strncmp(arches[t].name, triple, k))
			a = &arches[t];
	if (!a) {
		fprintf(stderr, "percpu-cc: error: unsupported target '%s'; "
			"supported arches: ", triple);
		for (size_t t = 0; t < NARCH; t++)
			fprintf(stderr, "%s%s", t ? ", " : "", arches[t].name);
		fputc('\n', stderr);
		return 1;
	}
	if (!reg)
		reg = a->regs[0];
	for (k = 0; a->regs[k] && strcmp(a->regs[k], reg); k++)
		;
	if (!a->regs[k]) {
		if (a->why[0])
			die("invalid --percpu-reg=%s: %s; --percpu-reg accepts "
			    "only %s", reg, a->why, a->regs[0]);
		fprintf(stderr, "percpu-cc: error: invalid --percpu-reg=%s for %s; "
			"valid: %s (default)", reg, a->name, a->regs[0]);
		for (k = 1; a->regs[k]; k++)
			fprintf(stderr, ", %s", a->regs[k]);
		fputc('\n', stderr);
		return 1;
	}
	reg = a->regs[k]; /* the table's string: compared by address below */
	if (single_cpu && preempt_hooks)
		die("--percpu-single-cpu and --percpu-preempt-hooks exclude each "
		    "other: one CPU has nothing to be preempted away from");
	if (single_cpu)
		runtime = xstrcat(PERCPU_CC_LIB_DIR "/", a->name,
				  "-single/libpercpu.a");
	else if (reg == a->regs[0])
		runtime = xstrcat(PERCPU_CC_LIB_DIR "/", a->name, "/libpercpu.a");
	else
		runtime = xstrcat(xstrcat(PERCPU_CC_LIB_DIR "/", a->name, "-"),
				  reg, "/libpercpu.a");
	riscv_gp = !strncmp(a->name, "riscv", 5) && !strcmp(reg, "gp");
	if (riscv_gp && relax_gp)
		die("--relax-gp makes the linker use gp as the global pointer, "
		    "but gp holds the per-CPU offset on %s; drop --relax-gp "
		    "or use --percpu-reg=tp", a->name);

	/* Build the clang command: ours first, the user's, then the runtime. */
	args[n++] = (char *)clang;
	if (!target) /* keep clang's target and the runtime's arch in step */
		args[n++] = "--target=" PERCPU_CC_DEFAULT_TARGET;
	args[n++] = "-fpass-plugin=" PERCPU_CC_PLUGIN;
	args[n++] = "-I" PERCPU_CC_INCLUDE_DIR;
	if (reg != a->regs[0])
		args[n++] = xstrcat("-DPERCPU_REGISTER=", reg, "");
	if (single_cpu)
		args[n++] = "-DPERCPU_SINGLE_CPU";
	if (preempt_hooks)
		args[n++] = "-DPERCPU_PREEMPT_HOOKS";
	if (link && !user_ld && strcmp(a->name, "x86_64"))
		args[n++] = "-fuse-ld=lld"; /* no GNU ld for cross targets */
	if (link && riscv_gp)
		args[n++] = "-Wl,--no-relax-gp"; /* gp is no global pointer */
	for (i = 1; i < argc; i++)
		args[n++] = argv[i];
	if (link && user_x) { /* so clang does not read the archive as source */
		args[n++] = "-x";
		args[n++] = "none";
	}
	if (link && !shared) /* never into a shared library */
		args[n++] = runtime;
	args[n] = 0;

	if (print_config) {
		printf("mode: %s\n", single_cpu      ? "single-cpu"
				      : preempt_hooks ? "preempt-hooks"
						      : "default");
		printf("clang: %s\n", clang);
		printf("llvm version: %d\n", PERCPU_CC_LLVM_MAJOR);
		printf("plugin: %s\n", PERCPU_CC_PLUGIN);
		printf("include dir: %s\n", PERCPU_CC_INCLUDE_DIR);
		printf("target: %s\n", triple);
		printf("arch: %s\n", a->name);
		printf("register: %s\n", reg);
		if (shared) {
			printf("runtime: none (-shared)\n");
		} else {
			printf("runtime: %s\n", runtime);
			printf("runtime exists: %s\n",
			       access(runtime, R_OK) ? "no" : "yes");
		}
		printf("links: %s\n", !link ? "no" : shared ? "yes, a shared "
		       "library (without the runtime)" : "yes");
		fputs("command:", stdout);
		for (i = 0; i < n; i++) {
			putchar(' ');
			print_arg(args[i]);
		}
		putchar('\n');
		return 0;
	}
	if (link && !shared && access(runtime, R_OK))
		die("runtime library %s not found: the runtime for %s was not "
		    "built (add the triple to PERCPU_RUNTIME_TARGETS in CMake)",
		    runtime, a->name);

	/* execvp: PERCPU_CLANG may be a bare name such as clang-19. */
	execvp(clang, args);
	fprintf(stderr, "percpu-cc: error: cannot run %s: %s\n", clang,
		strerror(errno));
	return 127;
}
