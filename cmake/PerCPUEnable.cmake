# SPDX-License-Identifier: BSD-2-Clause
#
# percpu_enable(<target> [REGISTER <reg>] [MODE single-cpu|preempt-hooks])
#
# Compiles <target>'s sources with the plugin and <percpu.h>, and links
# the runtime for the target architecture (CMAKE_C_COMPILER_TARGET's first
# component if set, else CMAKE_SYSTEM_PROCESSOR), the register and the
# mode: what percpu-cc does with --percpu-reg and --percpu-single-cpu /
# --percpu-preempt-hooks. Every unit of a program must agree on REGISTER
# and MODE (a mismatch fails to link), so give each target of one program
# the same ones. Shared and module libraries get no runtime: per-CPU data
# belongs to the executable. A kernel links PerCPU::runtime-x86_64-kernel
# itself.
function(percpu_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "REGISTER;MODE" "")
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
  list(GET registers 0 register)
  if(DEFINED arg_REGISTER)
    if(NOT arg_REGISTER IN_LIST registers)
      string(REPLACE ";" ", " valid "${registers}")
      message(FATAL_ERROR "percpu_enable(${target}): invalid REGISTER "
              "'${arg_REGISTER}' for ${arch}; valid: ${valid} (the first is the default)")
    endif()
    set(register ${arg_REGISTER})
  endif()

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
