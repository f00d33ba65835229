/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The contract between <percpu.h>, the runtime and the lowering pass.
 *
 * This file is included by C (the header and runtime) and by C++ (the pass),
 * so it holds only macros. Change a value here and everything follows.
 */
#ifndef PERCPU_ABI_H
#define PERCPU_ABI_H

/*
 * The address space that marks per-CPU memory. It must be >= 256 (x86 and
 * AArch64 treat casts between spaces below 256 as no-ops) and must avoid the
 * spaces x86 gives a meaning to (256-258 segments, 270-272 mixed pointers).
 * The pass lowers every access through it; no backend knows it.
 */
#define PERCPU_ADDRESS_SPACE 300

/*
 * Section holding the template (the link-time copy of every per-CPU
 * variable). It is a C identifier, so GNU ld and lld define
 * __start_percpu / __stop_percpu without a linker script.
 */
#define PERCPU_SECTION "percpu"

/*
 * DEFINE_PER_CPU_SHARED_ALIGNED marks its variable with this section; the
 * pass pads the variable to whole cache lines (PERCPU_CACHELINE_BYTES) and
 * moves it to PERCPU_SECTION, so it shares no line with another variable.
 */
#define PERCPU_SHARED_ALIGNED_SECTION "percpu..shared_aligned"
#define PERCPU_CACHELINE_BYTES 64

/*
 * Each translation unit the pass lowers contributes one 32-bit record here:
 * the largest alignment among its per-CPU variables. The runtime takes the
 * maximum to align every CPU's area.
 */
#define PERCPU_ALIGN_SECTION "percpu_align"

/* Calls to this function become a 16-byte compare-and-exchange on this
 * CPU's copy (this_cpu_cmpxchg128; x86_64: cmpxchg16b without LOCK). */
#define PERCPU_CMPXCHG128_FN "__percpu_cmpxchg128"

/* Calls to this function become "this CPU's copy of *p" (this_cpu_ptr). */
#define PERCPU_THIS_CPU_PTR_FN "__percpu_this_cpu_ptr"

/*
 * Per-CPU variable, defined by the runtime, that holds each CPU's offset
 * (its area minus the template). x86_64 reads it to form this_cpu_ptr.
 */
#define PERCPU_SELF_OFFSET_VAR "__percpu_self_offset"

/*
 * Every translation unit that includes <percpu.h> references this symbol,
 * which nothing defines; the pass deletes the reference. A unit compiled
 * without the plugin therefore fails to link, naming the cause.
 */
#define PERCPU_PLUGIN_GUARD_VAR "__percpu_plugin_guard"
#define PERCPU_PLUGIN_MISSING_SYM \
  percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin

/*
 * The architectures and the registers that can hold their per-CPU base,
 * default first: the one table that the pass, percpu-cc and the runtime's
 * build (runtime/CMakeLists.txt reads these lines) share.
 * X(arch, why, registers...): why is the error text for an architecture
 * with a single register when another is asked for.
 */
#define PERCPU_ARCHES(X)                                                       \
  X(x86_64, "x86_64 uses the GS segment base", "gs")                           \
  X(aarch64, "", "tpidr_el1", "tpidr_el2", "tpidr_el0")                        \
  X(riscv64, "", "gp", "tp")                                                   \
  X(riscv32, "", "gp", "tp")                                                   \
  X(loongarch64, "loongarch64 uses the reserved register r21", "r21")

/*
 * The register LLVM's software shadow call stack (-fsanitize=shadow-call-
 * stack) keeps its pointer in, where that is one of the arch's per-CPU
 * registers above, and the first LLVM that does so (RISC-V used x18
 * before). As the per-CPU base it would be moved by every instrumented
 * function, which also pushes return addresses into per-CPU memory: the
 * pass refuses the pairing in units with per-CPU data, percpu-cc in every
 * command. X(arch, register, llvm)
 */
#define PERCPU_SHADOW_CALL_STACK_REGS(X)                                       \
  X(riscv64, "gp", 17)                                                         \
  X(riscv32, "gp", 17)

/*
 * The floating-point ABIs the runtime archives are built for, per arch,
 * default first: the table that the runtime's build (runtime/CMakeLists.txt
 * reads these lines), the CMake package and percpu-cc share. A kernel is
 * usually soft-float, and RISC-V and LoongArch linkers refuse to mix
 * objects of different floating-point ABIs.
 * X(arch, abi, llvm, "clang options"): the archive of the default ABI is
 * <arch>[-<variant>]/, of another <arch>[-<variant>]-<abi>/; the first
 * LLVM whose clang builds it (clang 16 takes -mabi=lp64s but emits lp64d);
 * the options that build it (after --target=<arch>-linux-gnu: lp64s takes
 * the triple that implies it, since clang warns that linux-gnu implies
 * lp64d). AArch64 ELF records no floating-point ABI, so
 * a mismatch would link silently: its one runtime uses no FP/SIMD register
 * (-mgeneral-regs-only) and links into FP and soft-float code alike.
 */
#define PERCPU_ABIS(X)                                                         \
  X(x86_64, "sysv", 16, "")                                                    \
  X(aarch64, "aapcs", 16, "-mgeneral-regs-only")                               \
  X(riscv64, "lp64d", 16, "-march=rv64gc -mabi=lp64d")                         \
  X(riscv64, "lp64", 16, "-march=rv64imac -mabi=lp64")                         \
  X(riscv32, "ilp32d", 16, "-march=rv32gc -mabi=ilp32d")                       \
  X(riscv32, "ilp32", 16, "-march=rv32imac -mabi=ilp32")                       \
  X(loongarch64, "lp64d", 16, "-mabi=lp64d")                                   \
  X(loongarch64, "lp64s", 17, "--target=loongarch64-linux-gnusf -mabi=lp64s")

/*
 * Base register selection (AArch64, RISC-V): compile every unit with
 * -DPERCPU_REGISTER=<name> (percpu-cc --percpu-reg=<name>) to use another
 * register than the architecture's default. <percpu.h> turns the macro into
 * this string, which the pass reads and deletes.
 */
#define PERCPU_REGISTER_VAR "__percpu_register"

/*
 * Each lowered unit references PERCPU_RUNTIME_SYMBOL_PREFIX<configuration>
 * (__percpu_runtime_for_gs, __percpu_runtime_for_tpidr_el2,
 * __percpu_runtime_for_single_cpu, ...), which only a runtime built for that
 * configuration defines: units and a runtime that disagree on the register
 * or the mode fail to link instead of reading different registers.
 */
#define PERCPU_RUNTIME_SYMBOL_PREFIX "__percpu_runtime_for_"
/* Where each unit keeps that reference: read-only data (a PC-relative
 * word), so any linker script's *(.rodata .rodata.*) collects it. */
#define PERCPU_RUNTIME_CHECK_SECTION ".rodata.percpu_runtime_check"

/*
 * Modes: -DPERCPU_SINGLE_CPU (per-CPU variables are plain globals, for a
 * one-CPU build; the runtime must be built the same way) or
 * -DPERCPU_PREEMPT_HOOKS (this_cpu_* operations that read the base register
 * in an instruction of their own run between percpu_preempt_disable() and
 * percpu_preempt_enable()). <percpu.h> leaves the mode in this string.
 */
#define PERCPU_MODE_VAR "__percpu_mode"

/*
 * Per-CPU data belongs to the executable (or kernel image): a shared
 * library's template is not the one the runtime copies to every CPU. Each
 * unit the pass lowers that was compiled -fPIC but not -fPIE (the code a
 * shared library is built from) carries an ELF note, PERCPU_NOTE_NAME of
 * type PERCPU_NOTE_PER_CPU_DATA, whose 4-byte descriptor is a PC-relative
 * reference to PERCPU_SHARED_LIBRARY_SYM. The runtime defines that symbol
 * with default visibility. A linker rejects a PC-relative reference to a
 * symbol that is undefined or can be interposed in a shared object, so a
 * -shared link of such a unit fails, naming the symbol; an executable
 * resolves it from the runtime. The hosted runtime's percpu_init also
 * looks for the note in every loaded object (runtime/images.c).
 */
#define PERCPU_NOTE_SECTION ".note.percpu-llvm"
#define PERCPU_NOTE_NAME "percpu-llvm"
#define PERCPU_NOTE_PER_CPU_DATA 1
#define PERCPU_SHARED_LIBRARY_SYM                                              \
  percpu_llvm_per_cpu_data_in_shared_library_unsupported

#endif
