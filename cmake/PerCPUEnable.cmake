# SPDX-License-Identifier: BSD-2-Clause
#
# percpu_enable(<target> [REGISTER <reg>] [MODE single-cpu|preempt-hooks]
#               [ABI <abi>] [KERNEL])
#
# Compiles <target>'s sources with the plugin and <percpu.h>, and links
# the runtime for the target architecture (CMAKE_C_COMPILER_TARGET's first
# component if set, else CMAKE_SYSTEM_PROCESSOR), the register, the mode,
# the floating-point ABI and the kernel: what percpu-cc does with
# --percpu-reg, --percpu-single-cpu / --percpu-preempt-hooks, -mabi and
# --percpu-kernel. Every unit of a program must agree on REGISTER, MODE and
# ABI (a mismatch fails to link, on AArch64 excepted, whose one runtime
# fits every ABI), so give each target of one program the same ones.
# Shared and module libraries get no runtime: per-CPU data belongs to the
# executable.
#
# ABI (PerCPU_ABIS_<arch>, the first the default): without it, the last
# -mabi= in CMAKE_C_FLAGS or the target's COMPILE_OPTIONS, else soft-float
# for a bare-metal RISC-V CMAKE_C_COMPILER_TARGET (riscv64-unknown-elf:
# lp64, as clang), else the default. Given, it also compiles and links the
# target with -mabi=<abi>.
# KERNEL: x86_64's ring-0 runtime (PerCPU::runtime-x86_64-kernel); the
# other arches' runtimes serve kernels as they are, so there it changes
# nothing.
function(percpu_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "KERNEL" "REGISTER;MODE;ABI" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "percpu_enable: unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()

  if(CMAKE_C_COMPILER_TARGET)
    string(REGEX MATCH "^[^-]+" arch "${CMAKE_C_COMPILER_TARGET}")
  else()
    set(arch "${CMAKE_SYSTEM_PROCESSOR}")
  endif()
  string(TOLOWER "${arch}" arch)
  # Other names systems give the same architectures.
  if(arch STREQUAL "amd64")
    set(arch x86_64)
  elseif(arch STREQUAL "arm64")
    set(arch aarch64)
  endif()
  if(NOT arch IN_LIST PerCPU_ARCHES)
    message(FATAL_ERROR "percpu_enable(${target}): no percpu-llvm runtime for "
            "'${arch}'; this package has: ${PerCPU_ARCHES}")
  endif()

  set(registers ${PerCPU_REGISTERS_${arch}})
  _percpu_choose(register arg_REGISTER "${registers}"
    "percpu_enable(${target}): invalid REGISTER '${arg_REGISTER}' for ${arch}; valid:")

  # As percpu-cc: a register other than the default is named to every
  # unit and picks its own runtime; single-CPU mode has a runtime of its
  # own whatever the register.
  set(runtime ${arch})
  set(definitions)
  list(GET registers 0 default_register)
  if(NOT register STREQUAL default_register)
    set(runtime ${arch}-${register})
    list(APPEND definitions PERCPU_REGISTER=${register})
  endif()
  if(arg_KERNEL AND arch STREQUAL "x86_64")
    if(arg_MODE STREQUAL "single-cpu")
      message(FATAL_ERROR "percpu_enable(${target}): KERNEL and MODE single-cpu: "
              "there is no single-CPU x86_64 kernel runtime")
    endif()
    set(runtime ${arch}-kernel)
  endif()
  if(NOT DEFINED arg_MODE)
  elseif(arg_MODE STREQUAL "single-cpu")
    set(runtime ${arch}-single)
    list(APPEND definitions PERCPU_SINGLE_CPU)
  elseif(arg_MODE STREQUAL "preempt-hooks")
    list(APPEND definitions PERCPU_PREEMPT_HOOKS)
  else()
    message(FATAL_ERROR "percpu_enable(${target}): MODE is single-cpu or "
            "preempt-hooks, not '${arg_MODE}'")
  endif()

  # The floating-point ABI: the runtime's must be the objects'.
  set(abis ${PerCPU_ABIS_${arch}})
  _percpu_choose(abi arg_ABI "${abis}"
    "percpu_enable(${target}): no ${arch} runtime for ABI '${arg_ABI}'; this package has:")
  if(DEFINED arg_ABI)
    list(LENGTH abis nabis)
    if(nabis GREATER 1)
      target_compile_options(${target} PRIVATE -mabi=${abi})
      target_link_options(${target} PRIVATE -mabi=${abi})
    endif()
  else()
    get_target_property(options ${target} COMPILE_OPTIONS)
    set(mabi)
    foreach(flag IN LISTS CMAKE_C_FLAGS options)
      separate_arguments(words UNIX_COMMAND "${flag}")
      foreach(word IN LISTS words)
        if(word MATCHES "^-mabi=(.+)$")
          set(mabi ${CMAKE_MATCH_1})
        endif()
      endforeach()
    endforeach()
    if(mabi)
      set(abi ${mabi})
    elseif(arch MATCHES "^riscv" AND CMAKE_C_COMPILER_TARGET AND
           NOT CMAKE_C_COMPILER_TARGET MATCHES "-(linux|freebsd|netbsd|openbsd|fuchsia|haiku|hurd|rtems)")
      list(GET abis 1 abi) # bare metal: clang's rv64imac/rv32imac, soft-float
    endif()
    if(NOT abi IN_LIST abis)
      string(REPLACE ";" ", " valid "${abis}")
      message(FATAL_ERROR "percpu_enable(${target}): the target compiles for "
              "-mabi=${abi}, which has no ${arch} runtime; this package has: ${valid}")
    endif()
  endif()
  list(GET abis 0 default_abi)
  if(NOT abi STREQUAL default_abi)
    set(runtime ${runtime}-${abi})
  endif()

  target_compile_options(${target} PRIVATE
    "-fpass-plugin=$<TARGET_FILE:PerCPU::plugin>")
  target_compile_definitions(${target} PRIVATE ${definitions})
  target_link_libraries(${target} PRIVATE PerCPU::headers)
  get_target_property(type ${target} TYPE)
  if(NOT type MATCHES "^(SHARED|MODULE)_LIBRARY$")
    target_link_libraries(${target} PRIVATE PerCPU::runtime-${runtime})
  endif()
  # gp holds the per-CPU offset, so no linker may relax accesses to it as
  # the global pointer (docs/architectures.md).
  if(arch MATCHES "^riscv" AND register STREQUAL "gp")
    target_link_options(${target} PRIVATE "LINKER:--no-relax-gp")
  endif()
endfunction()

# Sets <out> in the caller to the value of the caller's variable <option>
# when it is defined (an option given), else to the first of <choices>, the
# default. A given value not among <choices> fails with "<message> <the
# choices> (the first is the default)": REGISTER and ABI name what this
# package has in the same way. Defined after percpu_enable, which
# calls it (CMake looks a function up when it is called).
function(_percpu_choose out option choices message)
  list(GET choices 0 chosen)
  if(DEFINED ${option})
    set(given "${${option}}")
    if(NOT given IN_LIST choices)
      string(REPLACE ";" ", " valid "${choices}")
      message(FATAL_ERROR "${message} ${valid} (the first is the default)")
    endif()
    set(chosen "${given}")
  endif()
  set(${out} "${chosen}" PARENT_SCOPE)
endfunction()
