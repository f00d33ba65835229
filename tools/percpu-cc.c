/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu-cc - run clang with the percpu-llvm plugin, header and runtime.
 *
 * Layout. percpu-cc finds everything relative to the directory of its own
 * executable (/proc/self/exe, else argv[0] through PATH), <prefix>/bin.
 * The build tree and an installed tree are laid out the same way:
 *
 *	<prefix>/bin/percpu-cc, percpu-c++ (a symlink, see C++ below)
 *	<prefix>/lib/percpu-llvm/PercpuLowering.so               the plugin
 *	<prefix>/lib/percpu-llvm/<arch>[-<variant>]/libpercpu.a  the runtimes
 *	<prefix>/include/percpu.h, percpu/abi.h         the headers
 *	<prefix>/share/percpu-llvm/linker/             linker script fragments
 *
 * No path of the build machine is compiled in but the default clang
 * (PERCPU_CC_CLANG, a system clang such as /usr/lib/llvm-19/bin/clang),
 * which PERCPU_CLANG replaces.
 *
 * C++: run as percpu-c++ (a symlink to percpu-cc, or any name ending in
 * "++"), it is clang++: --driver-mode=g++ compiles C++ and links the C++
 * standard library, as clang++ does. percpu-cc -x c++ compiles C++ but,
 * like clang, links no C++ library.
 *
 * Every argument goes to clang unchanged and in order. percpu-cc adds the
 * target, the plugin, the include directory and -Rpass (for the locations
 * of the pass's errors without -g, below) in front and the runtime
 * archive at the end, so that it resolves what the user's objects use
 * (unless every argument is an option: then clang has no input to link).
 * percpu-cc never guesses whether clang links: what only a link uses sits
 * between --start-no-unused-arguments and --end-no-unused-arguments, and
 * clang's driver uses it when it links and drops it silently otherwise
 * (-c, -E, --analyze, @file, -###, ... under -Werror included).
 *
 * Base register: --percpu-reg=REG other than the arch's default becomes
 * -DPERCPU_REGISTER=REG (which <percpu.h> hands to the pass) and links
 * lib/percpu-llvm/<arch>-REG/libpercpu.a instead of <arch>/libpercpu.a.
 *
 * Floating-point ABI: the runtime's must be the program's (RISC-V and
 * LoongArch linkers refuse to mix them). percpu-cc works out the ABI clang
 * compiles for, from -mabi, -march, -mfpu, -m{soft,single,double}-float and
 * the triple, by clang's rules (abi_rules below), and links
 * <arch>[-<variant>]-<abi>/libpercpu.a for an ABI other than the arch's
 * default (include/percpu/abi.h's PERCPU_ABIS).
 *
 * Kernel: --percpu-kernel links x86_64-kernel/libpercpu.a on x86_64 (ring
 * 0: wrmsr to IA32_GS_BASE, no red zone, no SSE). The other arches have one
 * runtime for kernels and user space alike (freestanding, writing the
 * register of the level that --percpu-reg names), so there it changes
 * nothing and a kernel's Makefile can pass it on every arch.
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
 * relaxing silently), and refuses --relax-gp from the user. lld before 17
 * has no gp relaxation and no such option, so nothing is added there.
 *
 * Response files: percpu-cc reads @file arguments as clang does (GNU
 * quoting, nested files named relative to the working directory, a file
 * that does not exist left as an argument) and decides on what they hold
 * as on the command line. clang gets the @file itself, unless it holds a
 * percpu-cc option: then clang gets one response file in memory
 * (/proc/self/fd) with the expanded arguments, percpu-cc's taken out
 * (percpu-cc-rsp.c).
 */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "percpu-cc-rsp.h"
#include "percpu/abi.h"

/*
 * Line and column for the pass's errors without -g: clang keeps source
 * locations in the IR (and emits no debug info from them) whenever -Rpass
 * asks for remarks. The pattern matches no pass, so none are printed; a
 * -Rpass of the user's comes later and replaces it.
 */
#define PERCPU_CC_LOCATION_REMARKS "percpu-llvm-source-locations"

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

/* The register the software shadow call stack moves, per arch, from which
 * LLVM on (include/percpu/abi.h's table). */
static const struct shadow_call_stack {
	const char *arch, *reg;
	int llvm;
} shadow_call_stacks[] = {
#define SCS_ROW(arch, reg, llvm) { #arch, reg, llvm },
	PERCPU_SHADOW_CALL_STACK_REGS(SCS_ROW)
#undef SCS_ROW
};
#define NSCS (sizeof shadow_call_stacks / sizeof shadow_call_stacks[0])

/* Whether this LLVM's software shadow call stack moves reg on a. */
static int shadow_call_stack_moves(const struct arch *a, const char *reg)
{
	for (size_t i = 0; i < NSCS; i++)
		if (!strcmp(shadow_call_stacks[i].arch, a->name) &&
		    !strcmp(shadow_call_stacks[i].reg, reg) &&
		    PERCPU_CC_LLVM_MAJOR >= shadow_call_stacks[i].llvm)
			return 1;
	return 0;
}

/* The floating-point ABIs with a runtime, per arch, default first
 * (include/percpu/abi.h's table; a row for a later LLVM than the build's
 * has no archive, which percpu-cc reports when it looks for it). */
static const struct abi {
	const char *arch, *name;
	int llvm; /* the first LLVM that builds it */
} abis[] = {
#define ABI_ROW(arch, abi, llvm, flags) { #arch, abi, llvm },
	PERCPU_ABIS(ABI_ROW)
#undef ABI_ROW
};
#define NABI (sizeof abis / sizeof abis[0])

/* percpu-cc's own options. A name ending in '=' takes a value. */
enum {
	OPT_REG,
	OPT_SINGLE_CPU,
	OPT_PREEMPT_HOOKS,
	OPT_KERNEL,
	OPT_PRINT_CONFIG,
	OPT_PRINT_RUNTIME,
	OPT_PRINT_LINKER_DIR,
	OPT_VERSION,
	OPT_HELP,
};
static const struct option {
	const char *name, *arg, *help;
	int id;
} options[] = {
	{ "--percpu-reg=", "REG", "register holding the per-CPU base (below)", OPT_REG },
	{ "--percpu-single-cpu", 0, "one CPU: per-CPU variables are plain globals", OPT_SINGLE_CPU },
	{ "--percpu-preempt-hooks", 0, "call percpu_preempt_disable/enable around this_cpu_*", OPT_PREEMPT_HOOKS },
	{ "--percpu-kernel", 0, "link the kernel runtime (x86_64: x86_64-kernel, ring 0)", OPT_KERNEL },
	{ "--percpu-print-config", 0, "print the paths, target and clang command; run nothing", OPT_PRINT_CONFIG },
	{ "--percpu-print-runtime", 0, "print the runtime archive a link would take", OPT_PRINT_RUNTIME },
	{ "--percpu-print-linker-dir", 0, "print the directory of the linker script fragments", OPT_PRINT_LINKER_DIR },
	{ "--version", 0, "print percpu-cc's version, then clang's", OPT_VERSION },
	{ "--help", 0, "print this text", OPT_HELP },
};
#define NOPTION (sizeof options / sizeof options[0])

/* What the command line asks of percpu-cc. */
struct config {
	const char *target; /* the user's --target or -target, or 0 */
	const char *reg; /* --percpu-reg, or 0 */
	/* What decides the floating-point ABI: the last of each, or 0. */
	const char *mabi, *march, *mfpu, *float_opt;
	int want[NOPTION]; /* by option id */
	int shared, user_ld, relax_gp;
	int thinlto_backend; /* -fthinlto-index=: a distributed ThinLTO backend */
	/* -fsanitize=shadow-call-stack in force at the end; -fcf-protection
	 * with return (which may move the shadow stack to hardware: the pass
	 * tells, in units with per-CPU data) */
	int shadow_call_stack, cf_protection;
	int cxx; /* run as percpu-c++ */
	int named_file; /* an argument that is no option: input, @file, value */
	int own_in_rsp; /* a percpu-cc option inside a response file */
};

/* Where the tree is: see the layout at the top. */
struct tree {
	char *bin, *plugin, *include, *lib, *linker;
};

_Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	fputs("percpu-cc: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
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

/* Whether the comma-separated list s (-Wl,a,b or -Xlinker's value, or
 * -fsanitize='s) holds opt. */
static int list_has(const char *s, const char *opt)
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

static int is_relax_gp(const char *s)
{
	return list_has(s, "--relax-gp") || list_has(s, "-relax-gp");
}

/* Our option s, with its value in *val, or 0 if s is clang's. */
static const struct option *find_option(const char *s, const char **val)
{
	for (size_t i = 0; i < NOPTION; i++) {
		const char *name = options[i].name;
		size_t n = strlen(name);
		if (name[n - 1] == '=' ? !strncmp(s, name, n) : !strcmp(s, name)) {
			*val = s + n;
			return &options[i];
		}
	}
	if (!strncmp(s, "--percpu", 8))
		die("unknown option '%s' (see percpu-cc --help)", s);
	return 0;
}

/* Whether argv[0] names the C++ driver (percpu-c++), as clang++ does. */
static int invoked_as_cxx(const char *argv0)
{
	size_t n = strlen(argv0);
	return n >= 2 && !strcmp(argv0 + n - 2, "++");
}

/* Note what of clang's options matters to percpu-cc. */
static void note_clang_arg(struct config *c, char **v, int i, int n)
{
	const char *s = v[i];

	if (!strncmp(s, "--target=", 9))
		c->target = s + 9;
	else if (!strcmp(s, "-target") && i + 1 < n)
		c->target = v[i + 1];
	else if (!strcmp(s, "-target"))
		die("missing triple after -target");
	if (!strncmp(s, "-mabi=", 6))
		c->mabi = s + 6;
	if (!strncmp(s, "-march=", 7))
		c->march = s + 7;
	if (!strncmp(s, "-mfpu=", 6))
		c->mfpu = s + 6;
	if (!strcmp(s, "-msoft-float") || !strcmp(s, "-msingle-float") ||
	    !strcmp(s, "-mdouble-float"))
		c->float_opt = s + 2;
	if (!strcmp(s, "-shared"))
		c->shared = 1;
	if (!strncmp(s, "-fthinlto-index=", 16))
		c->thinlto_backend = 1;
	if (!strncmp(s, "-fuse-ld", 8) || !strncmp(s, "--ld-path", 9))
		c->user_ld = 1;
	if (!strncmp(s, "-Wl,", 4) && is_relax_gp(s + 4))
		c->relax_gp = 1;
	if (!strcmp(s, "-Xlinker") && i + 1 < n && is_relax_gp(v[i + 1]))
		c->relax_gp = 1;
	if (!strncmp(s, "-fsanitize=", 11) && list_has(s + 11, "shadow-call-stack"))
		c->shadow_call_stack = 1;
	if (!strncmp(s, "-fno-sanitize=", 14) &&
	    (list_has(s + 14, "shadow-call-stack") || list_has(s + 14, "all")))
		c->shadow_call_stack = 0;
	if (!strncmp(s, "-fcf-protection", 15))
		c->cf_protection = !strcmp(s, "-fcf-protection") ||
				   !strcmp(s, "-fcf-protection=return") ||
				   !strcmp(s, "-fcf-protection=full");
	if (s[0] != '-' || !s[1])
		c->named_file = 1;
}

/* Take our options out of the arguments (response files expanded) and note
 * what of clang's matters to us. Returns what clang gets: argv without our
 * options, or the expanded arguments without them if a response file held
 * one (main passes those in a response file of their own). --version
 * stays: clang prints its own too. */
static struct argv parse_args(int argc, char **argv, struct config *c)
{
	struct argv all = empty_argv(), top = empty_argv(), expanded = empty_argv();
	int i;

	for (i = 1; i < argc; i++)
		expand_arg(argv[i], &all, 0);
	for (i = 0; i < all.n; i++) {
		const char *val;
		const struct option *o = find_option(all.v[i], &val);
		if (o) {
			c->want[o->id] = 1;
			if (o->id == OPT_REG)
				c->reg = val;
			if (all.in_rsp[i])
				c->own_in_rsp = 1;
			if (o->id != OPT_VERSION)
				continue;
		}
		note_clang_arg(c, all.v, i, all.n);
		push_arg(&expanded, all.v[i], 0);
	}
	if (c->own_in_rsp)
		return expanded;
	for (i = 1; i < argc; i++) {
		const char *val;
		const struct option *o = find_option(argv[i], &val);
		if (!o || o->id == OPT_VERSION)
			push_arg(&top, argv[i], 0);
	}
	return top;
}

/* The host's triple: the runtimes are built for Linux user space. */
static const char *host_triple(void)
{
	static struct utsname u;
	if (uname(&u))
		die("uname: %s", strerror(errno));
	return xstrcat(u.machine, "-linux-gnu", "");
}

/* The arch is the triple's first component. */
static const struct arch *find_arch(const char *triple)
{
	size_t k = strcspn(triple, "-"), t;

	for (t = 0; t < NARCH; t++)
		if (strlen(arches[t].name) == k && !strncmp(arches[t].name, triple, k))
			return &arches[t];
	fprintf(stderr, "percpu-cc: error: unsupported target '%s'; "
		"supported arches: ", triple);
	for (t = 0; t < NARCH; t++)
		fprintf(stderr, "%s%s", t ? ", " : "", arches[t].name);
	fputc('\n', stderr);
	exit(1);
}

/* The table's string for reg (compared by address later), or die. */
static const char *find_reg(const struct arch *a, const char *reg)
{
	size_t k;

	if (!reg)
		return a->regs[0];
	for (k = 0; a->regs[k]; k++)
		if (!strcmp(a->regs[k], reg))
			return a->regs[k];
	if (a->why[0])
		die("invalid --percpu-reg=%s: %s; --percpu-reg accepts only %s",
		    reg, a->why, a->regs[0]);
	fprintf(stderr, "percpu-cc: error: invalid --percpu-reg=%s for %s; "
		"valid: %s (default)", reg, a->name, a->regs[0]);
	for (k = 1; a->regs[k]; k++)
		fprintf(stderr, ", %s", a->regs[k]);
	fputc('\n', stderr);
	exit(1);
}

/* Whether the triple names an OS (riscv64-linux-gnu), as opposed to bare
 * metal (riscv64-none-elf, riscv64-unknown-elf): clang's RISC-V default
 * ABI differs. The OSes of LLVM's Triple that run on RISC-V. */
static int triple_has_os(const char *triple)
{
	static const char *const oses[] = { "linux", "freebsd", "netbsd",
					    "openbsd", "fuchsia", "haiku",
					    "hurd", "rtems", 0 };
	for (const char *p = strchr(triple, '-'); p; p = strchr(p + 1, '-'))
		for (int k = 0; oses[k]; k++)
			if (!strncmp(p + 1, oses[k], strlen(oses[k])))
				return 1;
	return 0;
}

/* RISC-V (clang's riscv::getRISCVABI): -mabi; else the FP extensions of
 * -march (g or d: double, f: single; the single letters come before the
 * first multi-letter z/s/x or '_'); else double with an OS, soft without.
 * Clang 16 has no single-float default: F without D is soft there. */
#define CLANG_RISCV_F_ABI (PERCPU_CC_LLVM_MAJOR >= 17)
static const char *riscv_abi(const struct config *c, const char *triple)
{
	const char *base = !strncmp(triple, "riscv32", 7) ? "ilp32" : "lp64";
	const char *ext;
	size_t n;

	if (c->mabi)
		return c->mabi;
	if (c->march && (!strncmp(c->march, "rv32", 4) ||
			 !strncmp(c->march, "rv64", 4))) {
		ext = c->march + 4;
		n = strcspn(ext, "zsx_");
		if (memchr(ext, 'e', n) && !memchr(ext, 'i', n))
			return xstrcat(base, "e", "");
		if (memchr(ext, 'g', n) || memchr(ext, 'd', n))
			return xstrcat(base, "d", "");
		if (CLANG_RISCV_F_ABI && memchr(ext, 'f', n))
			return xstrcat(base, "f", "");
		return base;
	}
	return triple_has_os(triple) ? xstrcat(base, "d", "") : base;
}

/* LoongArch (clang's loongarch::getLoongArchABI): -m{soft,single,double}-float
 * first, then -mabi, -mfpu, the triple's gnusf/gnuf32, else lp64d. */
static const char *loongarch_abi(const struct config *c, const char *triple)
{
	size_t k = strlen(triple);

	if (c->float_opt)
		return !strcmp(c->float_opt, "soft-float")     ? "lp64s"
		       : !strcmp(c->float_opt, "single-float") ? "lp64f"
							       : "lp64d";
	if (c->mabi)
		return c->mabi;
	if (c->mfpu)
		return !strcmp(c->mfpu, "64")   ? "lp64d"
		       : !strcmp(c->mfpu, "32") ? "lp64f"
						: "lp64s"; /* 0, none */
	if (k >= 2 && !strcmp(triple + k - 2, "sf"))
		return "lp64s";
	if (k >= 3 && !strcmp(triple + k - 3, "f32"))
		return "lp64f";
	return "lp64d";
}

/* Per arch family, how clang picks the floating-point ABI; the others
 * have one runtime for every ABI (the table's only row for them). */
static const struct abi_rule {
	const char *prefix;
	const char *(*abi)(const struct config *, const char *triple);
} abi_rules[] = {
	{ "riscv", riscv_abi },
	{ "loongarch", loongarch_abi },
};

/* The ABI the compile is for: the table's row, or a row of abi itself
 * (with no llvm) when the table has no runtime for it. */
static const struct abi *find_abi(const struct arch *a, const struct config *c,
				  const char *triple)
{
	const char *name = 0;
	struct abi *none;
	size_t i;

	for (i = 0; i < sizeof abi_rules / sizeof abi_rules[0]; i++)
		if (!strncmp(a->name, abi_rules[i].prefix, strlen(abi_rules[i].prefix)))
			name = abi_rules[i].abi(c, triple);
	for (i = 0; i < NABI; i++)
		if (!strcmp(abis[i].arch, a->name) &&
		    (!name || !strcmp(abis[i].name, name)))
			return &abis[i];
	none = malloc(sizeof *none);
	if (!none)
		die("out of memory");
	*none = (struct abi){ a->name, name, 0 };
	return none;
}

/* The arch's default ABI: its first row. */
static int is_default_abi(const struct abi *abi)
{
	for (size_t i = 0; i < NABI; i++)
		if (!strcmp(abis[i].arch, abi->arch))
			return &abis[i] == abi;
	return 0;
}

/* Say which ABIs have runtimes, when the compile's has none. */
static _Noreturn void no_abi_runtime(const struct abi *abi)
{
	fprintf(stderr, "percpu-cc: error: no %s runtime for the %s "
		"floating-point ABI", abi->arch, abi->name);
	if (abi->llvm > PERCPU_CC_LLVM_MAJOR)
		fprintf(stderr, " with LLVM %d: its clang cannot build it "
			"(LLVM %d can)", PERCPU_CC_LLVM_MAJOR, abi->llvm);
	fprintf(stderr, "; percpu-llvm builds %s runtimes for", abi->arch);
	for (size_t i = 0, n = 0; i < NABI; i++)
		if (!strcmp(abis[i].arch, abi->arch) &&
		    abis[i].llvm <= PERCPU_CC_LLVM_MAJOR) {
			fprintf(stderr, "%s %s%s", n ? "," : "", abis[i].name,
				n ? "" : " (the default)");
			n++;
		}
	fputs(" (-mabi=...)\n", stderr);
	exit(1);
}

/* argv[0] as a path: itself if it has a slash, else found through PATH. */
static char *find_argv0(const char *argv0)
{
	const char *p = getenv("PATH");

	if (strchr(argv0, '/'))
		return realpath(argv0, 0);
	while (p && *p) {
		size_t n = strcspn(p, ":");
		char *dir = strndup(p, n), *cand;
		if (!dir)
			die("out of memory");
		cand = xstrcat(*dir ? dir : ".", "/", argv0);
		free(dir);
		if (!access(cand, X_OK))
			return realpath(cand, 0);
		free(cand);
		p += n + (p[n] == ':');
	}
	return 0;
}

/* The absolute, symlink-free path of this executable. */
static char *self_path(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *path;

	if (n > 0) {
		buf[n] = 0;
		path = strdup(buf);
	} else {
		path = find_argv0(argv0);
	}
	if (!path)
		die("cannot locate the percpu-cc executable (/proc/self/exe is "
		    "unreadable and argv[0] '%s' resolves to no file); it finds "
		    "the plugin, headers and runtimes relative to itself", argv0);
	return path;
}

/* The tree's paths, from the directory percpu-cc runs from. */
static struct tree locate_tree(const char *argv0)
{
	struct tree t;
	char *prefix, *slash;

	t.bin = self_path(argv0);
	*strrchr(t.bin, '/') = 0; /* an absolute path has a slash */
	prefix = strdup(t.bin);
	if (!prefix)
		die("out of memory");
	slash = strrchr(prefix, '/');
	*slash = 0; /* "" for a percpu-cc in /: the paths are then /lib... */
	/* The relative directories come from cmake/PercpuLayout.cmake. */
	t.lib = xstrcat(prefix, "/" PERCPU_CC_REL_LIBDIR, "");
	t.plugin = xstrcat(t.lib, "/PercpuLowering.so", "");
	t.include = xstrcat(prefix, "/" PERCPU_CC_REL_INCLUDEDIR, "");
	t.linker = xstrcat(prefix, "/" PERCPU_CC_REL_LINKERDIR, "");
	return t;
}

/* A file the tree must have; say where it was looked for and why. */
static void need(const char *path, const char *what, const struct tree *t)
{
	if (access(path, R_OK))
		die("%s %s: %s (percpu-cc looks for it relative to its own "
		    "directory %s; the tree is incomplete)",
		    what, path, strerror(errno), t->bin);
}

/* <lib>/<arch>[-<variant>][-<abi>]/libpercpu.a for the register, the
 * mode, the kernel and the ABI. */
static char *runtime_path(const struct tree *t, const struct arch *a,
			  const char *reg, const struct config *c,
			  const struct abi *abi)
{
	int kernel = c->want[OPT_KERNEL] && !strcmp(a->name, "x86_64");
	const char *variant = kernel			  ? "kernel"
			      : c->want[OPT_SINGLE_CPU] ? "single"
			      : reg != a->regs[0]	  ? reg
							  : 0;
	char *dir = xstrcat(t->lib, "/", a->name);
	if (variant)
		dir = xstrcat(dir, "-", variant);
	if (!is_default_abi(abi))
		dir = xstrcat(dir, "-", abi->name);
	return xstrcat(dir, "/libpercpu.a", "");
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

/* PERCPU_CLANG, else the clang of the build. The plugin only loads into
 * the LLVM it was built against. */
static const char *find_clang(void)
{
	const char *env = getenv("PERCPU_CLANG");
	long major;

	if (!env || !*env) {
		if (access(PERCPU_CC_CLANG, X_OK))
			die("clang %s: %s; percpu-cc runs the clang it was built "
			    "with unless PERCPU_CLANG names another clang of "
			    "LLVM %d", PERCPU_CC_CLANG, strerror(errno),
			    PERCPU_CC_LLVM_MAJOR);
		return PERCPU_CC_CLANG;
	}
	major = clang_major(env);
	if (major != PERCPU_CC_LLVM_MAJOR)
		die("PERCPU_CLANG=%s is LLVM %ld, but the plugin is built for "
		    "LLVM %d; to use that clang, build percpu-llvm with "
		    "-DLLVM_DIR for LLVM %ld (e.g. "
		    "-DLLVM_DIR=/usr/lib/llvm-%ld/lib/cmake/llvm)",
		    env, major, PERCPU_CC_LLVM_MAJOR, major, major);
	return env;
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

static void usage(void)
{
	size_t i, k;

	puts("usage: percpu-cc [percpu-cc options] [clang arguments]\n"
	     "\n"
	     "Runs clang with the percpu-llvm plugin and include directory, and\n"
	     "the runtime library for the target when clang links.\n"
	     "\n"
	     "percpu-cc options:");
	for (i = 0; i < NOPTION; i++) {
		char name[40];
		snprintf(name, sizeof name, "%s%s", options[i].name,
			 options[i].arg ? options[i].arg : "");
		printf("  %-26s %s\n", name, options[i].help);
	}
	puts("\nRegisters for --percpu-reg (default first):");
	for (i = 0; i < NARCH; i++) {
		printf("  %-12s", arches[i].name);
		for (k = 0; arches[i].regs[k]; k++)
			printf(" %s", arches[i].regs[k]);
		putchar('\n');
	}
	puts("\nFloating-point ABIs with a runtime (default first; the runtime\n"
	     "follows -mabi, -march, -msoft-float and the triple, as clang does):");
	for (i = 0; i < NARCH; i++) {
		printf("  %-12s", arches[i].name);
		for (k = 0; k < NABI; k++)
			if (!strcmp(abis[k].arch, arches[i].name) &&
			    abis[k].llvm <= PERCPU_CC_LLVM_MAJOR)
				printf(" %s", abis[k].name);
		putchar('\n');
	}
	puts("\n"
	     "Every other argument goes to clang unchanged: see clang --help.\n"
	     "Response files (@file) are read for the options above and clang's\n"
	     "that choose the runtime (--target, -mabi, -shared, ...).\n"
	     "Run as percpu-c++, percpu-cc is clang++ (--driver-mode=g++).\n"
	     "PERCPU_CLANG names another clang (of LLVM " STR(PERCPU_CC_LLVM_MAJOR) ", the plugin's).\n"
	     "The target is the host's unless --target or -target says otherwise.\n"
	     "\n"
	     "Cross targets (all but x86_64) link with -fuse-ld=lld unless\n"
	     "-fuse-ld or --ld-path is given. Without a sysroot, link with\n"
	     "  -ffreestanding -nostdlib -static\n"
	     "and provide _start, memcpy and memset.\n"
	     "RISC-V with gp as the per-CPU register: percpu-cc adds\n"
	     "-Wl,--no-relax-gp to the link (lld 17 and later have the option)\n"
	     "and rejects --relax-gp.\n"
	     "-shared links no runtime: per-CPU data belongs to the executable.\n"
	     "--percpu-kernel links x86_64-kernel on x86_64; the other arches'\n"
	     "runtimes serve kernels as they are.");
}

/* lld learnt --relax-gp (and --no-relax-gp) in LLVM 17. */
#define LLD_KNOWS_RELAX_GP (PERCPU_CC_LLVM_MAJOR >= 17)

/* The clang command: ours first, the user's, then the runtime. */
static char **build_command(const char *clang, const struct config *c,
			    const struct tree *t, const struct arch *a,
			    const char *triple, const char *reg,
			    const char *runtime, const struct argv *user)
{
	char **args = malloc((user->n + 20) * sizeof *args); /* ours: at most 19 */
	int n = 0, i;
	int lld = !c->user_ld && strcmp(a->name, "x86_64");
	int no_relax_gp = LLD_KNOWS_RELAX_GP && !strncmp(a->name, "riscv", 5) &&
			  !strcmp(reg, "gp");

	if (!args)
		die("out of memory");
	args[n++] = (char *)clang;
	if (c->cxx)
		args[n++] = "--driver-mode=g++";
	if (!c->target) /* keep clang's target and the runtime's arch in step */
		args[n++] = xstrcat("--target=", triple, "");
	/* What the compile of a C source needs: an IR or assembly input
	 * (percpu-cc -c x.bc, x.s) leaves some of it unused, which -Werror
	 * would make an error. */
	args[n++] = "--start-no-unused-arguments";
	args[n++] = xstrcat("-fpass-plugin=", t->plugin, "");
	args[n++] = xstrcat("-I", t->include, "");
	args[n++] = "-Rpass=" PERCPU_CC_LOCATION_REMARKS;
	if (reg != a->regs[0])
		args[n++] = xstrcat("-DPERCPU_REGISTER=", reg, "");
	if (c->want[OPT_SINGLE_CPU])
		args[n++] = "-DPERCPU_SINGLE_CPU";
	if (c->want[OPT_PREEMPT_HOOKS])
		args[n++] = "-DPERCPU_PREEMPT_HOOKS";
	args[n++] = "--end-no-unused-arguments";
	if (lld || no_relax_gp) { /* for the link only */
		args[n++] = "--start-no-unused-arguments";
		if (lld) /* no GNU ld for cross targets */
			args[n++] = "-fuse-ld=lld";
		if (no_relax_gp) /* gp is no global pointer */
			args[n++] = "-Wl,--no-relax-gp";
		args[n++] = "--end-no-unused-arguments";
	}
	for (i = 0; i < user->n; i++)
		args[n++] = user->v[i];
	/* Never into a shared library; and with only options (`percpu-cc -v`)
	 * the archive would be clang's one input, and clang would link it.
	 * A ThinLTO backend (-fthinlto-index=) never links, and takes every
	 * object or archive it is given for IR to compile. */
	if (!c->shared && !c->thinlto_backend && c->named_file) {
		args[n++] = "--start-no-unused-arguments";
		if (access(runtime, R_OK)) {
			/* clang refuses a missing input even when it does not
			 * link; the linker names the file when it links. */
			args[n++] = xstrcat("-Wl,", runtime, "");
		} else {
			/* So that a -x of the user's does not make it source. */
			args[n++] = "-x";
			args[n++] = "none";
			args[n++] = (char *)runtime;
		}
		args[n++] = "--end-no-unused-arguments";
	}
	args[n] = 0;
	return args;
}

static void print_config(const struct config *c, const struct tree *t,
			 const struct arch *a, const char *triple,
			 const char *reg, const struct abi *abi,
			 const char *runtime, char **args)
{
	printf("percpu-cc version: %s\n", PERCPU_VERSION);
	printf("mode: %s\n", c->want[OPT_SINGLE_CPU]      ? "single-cpu"
			     : c->want[OPT_PREEMPT_HOOKS] ? "preempt-hooks"
							  : "default");
	printf("clang: %s\n", args[0]);
	printf("llvm version: %d\n", PERCPU_CC_LLVM_MAJOR);
	printf("plugin: %s\n", t->plugin);
	printf("include dir: %s\n", t->include);
	printf("linker dir: %s\n", t->linker);
	printf("target: %s\n", triple);
	printf("arch: %s\n", a->name);
	printf("register: %s\n", reg);
	printf("abi: %s%s\n", abi->name,
	       abi->llvm && abi->llvm <= PERCPU_CC_LLVM_MAJOR ? "" : " (no runtime)");
	printf("kernel: %s\n", !c->want[OPT_KERNEL]	     ? "no"
				: !strcmp(a->name, "x86_64") ? "yes"
							     : "yes (the arch's one runtime)");
	if (c->shared) {
		printf("runtime: none (-shared)\n");
	} else {
		printf("runtime: %s\n", runtime);
		printf("runtime exists: %s\n",
		       access(runtime, R_OK) ? "no" : "yes");
	}
	fputs("command:", stdout);
	for (; *args; args++) {
		putchar(' ');
		print_arg(*args);
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	struct config c = { 0 };
	struct tree t;
	const struct arch *a;
	const struct abi *abi;
	const char *triple, *reg, *clang;
	char *runtime, **args;
	struct argv user;

	c.cxx = invoked_as_cxx(argv[0]);
	user = parse_args(argc, argv, &c);
	if (c.want[OPT_HELP]) {
		usage();
		return 0;
	}
	triple = c.target ? c.target : host_triple();
	a = find_arch(triple);
	reg = find_reg(a, c.reg);
	abi = find_abi(a, &c, triple);
	if (c.want[OPT_SINGLE_CPU] && c.want[OPT_PREEMPT_HOOKS])
		die("--percpu-single-cpu and --percpu-preempt-hooks exclude each "
		    "other: one CPU has nothing to be preempted away from");
	if (c.want[OPT_KERNEL] && c.want[OPT_SINGLE_CPU] &&
	    !strcmp(a->name, "x86_64"))
		die("--percpu-kernel and --percpu-single-cpu: there is no "
		    "single-CPU x86_64 kernel runtime; a one-CPU kernel uses "
		    "--percpu-kernel alone (percpu_init with one CPU)");
	if (!strncmp(a->name, "riscv", 5) && !strcmp(reg, "gp") && c.relax_gp)
		die("--relax-gp makes the linker use gp as the global pointer, "
		    "but gp holds the per-CPU offset on %s; drop --relax-gp "
		    "or use --percpu-reg=tp", a->name);
	/* Every unit, also one without per-CPU data, which the pass leaves
	 * alone: its shadow call stack would push through the base register
	 * into this CPU's area. */
	if (c.shadow_call_stack && !c.cf_protection &&
	    shadow_call_stack_moves(a, reg)) {
		/* The table names only archs with another register. */
		const char *other = strcmp(a->regs[0], reg) ? a->regs[0] : a->regs[1];
		die("-fsanitize=shadow-call-stack keeps the shadow stack pointer in "
		    "%s, but %s holds the per-CPU offset on %s; build without the "
		    "shadow call stack%s%s", reg, reg, a->name,
		    other ? " or use --percpu-reg=" : "", other ? other : "");
	}
	t = locate_tree(argv[0]);
	runtime = runtime_path(&t, a, reg, &c, abi);

	/* For Makefiles that run the linker themselves. */
	if (c.want[OPT_PRINT_RUNTIME] || c.want[OPT_PRINT_LINKER_DIR]) {
		if (c.want[OPT_PRINT_RUNTIME] &&
		    (!abi->llvm || abi->llvm > PERCPU_CC_LLVM_MAJOR))
			no_abi_runtime(abi);
		if (c.want[OPT_PRINT_RUNTIME])
			puts(runtime);
		if (c.want[OPT_PRINT_LINKER_DIR])
			puts(t.linker);
		if (c.want[OPT_PRINT_RUNTIME])
			need(runtime, "runtime", &t);
		if (c.want[OPT_PRINT_LINKER_DIR])
			need(xstrcat(t.linker, "/percpu.ld", ""), "linker script", &t);
		return 0;
	}

	need(t.plugin, "plugin", &t);
	need(xstrcat(t.include, "/percpu.h", ""), "header", &t);
	clang = find_clang();
	args = build_command(clang, &c, &t, a, triple, reg, runtime, &user);
	if (c.want[OPT_PRINT_CONFIG]) {
		print_config(&c, &t, a, triple, reg, abi, runtime, args);
		return 0;
	}
	if (c.want[OPT_VERSION]) { /* clang's --version follows */
		printf("percpu-cc (percpu-llvm) %s, plugin for LLVM %d\n",
		       PERCPU_VERSION, PERCPU_CC_LLVM_MAJOR);
		fflush(stdout);
	}
	if (c.own_in_rsp) {
		/* Our options are out of it: clang reads the rest from memory. */
		char *rsp = memory_response_file(&user);
		struct argv one = empty_argv();
		push_arg(&one, rsp, 0);
		args = build_command(clang, &c, &t, a, triple, reg, runtime, &one);
	}

	/* execvp: PERCPU_CLANG may be a bare name such as clang-19. */
	execvp(clang, args);
	fprintf(stderr, "percpu-cc: error: cannot run %s: %s\n", clang,
		strerror(errno));
	return 127;
}
