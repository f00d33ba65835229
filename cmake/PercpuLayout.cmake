# SPDX-License-Identifier: BSD-2-Clause
#
# The layout of a percpu-llvm tree, relative to its prefix. The build tree
# and the install tree share it, so that percpu-cc can find everything from
# its own location (<prefix>/bin/percpu-cc) in either:
#
#   bin/percpu-cc, bin/percpu-c++ (symlink)         CMAKE_INSTALL_BINDIR
#   lib/percpu-llvm/PercpuLowering.so               PERCPU_INSTALL_PKGLIBDIR
#   lib/percpu-llvm/<arch>/libpercpu.a              default register
#   lib/percpu-llvm/<arch>-<reg>/libpercpu.a        another register
#   lib/percpu-llvm/<arch>-single/libpercpu.a       single-CPU mode
#   lib/percpu-llvm/x86_64-kernel/libpercpu.a       x86_64 ring 0
#   include/percpu.h, include/percpu/*.h            CMAKE_INSTALL_INCLUDEDIR
#   share/percpu-llvm/linker/*.ld                   PERCPU_INSTALL_LINKERDIR
#   share/percpu-llvm/gdb/percpu.py                 PERCPU_INSTALL_GDBDIR
#
# In the build tree include/ and share/percpu-llvm/linker are copies of
# the source tree's include/ and linker/ (tools/CMakeLists.txt), and
# share/percpu-llvm/gdb of tools/gdb/ (tools/gdb/CMakeLists.txt), so that a
# copied tree does not reach back into the sources. Only the install tree
# has
#
#   <libdir>/cmake/PerCPU/PerCPUConfig.cmake ...    find_package(PerCPU)
#   <libdir>/pkgconfig/percpu.pc                    pkg-config percpu
#   share/doc/percpu-llvm/, share/man/man1/percpu-cc.1
#
# PERCPU_INSTALL_PKGLIBDIR is lib/percpu-llvm, not <libdir>/percpu-llvm:
# GNUInstallDirs makes <libdir> lib/<multiarch> on Debian when the prefix is
# /usr, and lib64 elsewhere. Those directories are for the linker's search
# path; private files stay at one path next to bin/, as clang's own
# lib/clang/<N> does, so percpu-cc needs no configured knowledge to find
# them. The package files, which pkg-config and find_package must find,
# follow <libdir>.
include(GNUInstallDirs)

set(PERCPU_INSTALL_PKGLIBDIR lib/percpu-llvm)
set(PERCPU_INSTALL_LINKERDIR ${CMAKE_INSTALL_DATADIR}/percpu-llvm/linker)
set(PERCPU_INSTALL_GDBDIR ${CMAKE_INSTALL_DATADIR}/percpu-llvm/gdb)
set(PERCPU_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/PerCPU)
set(PERCPU_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

set(PERCPU_INCLUDE_DIR ${PROJECT_SOURCE_DIR}/include)
set(PERCPU_LINKER_DIR ${PROJECT_SOURCE_DIR}/linker)
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/${CMAKE_INSTALL_BINDIR})
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/${PERCPU_INSTALL_PKGLIBDIR})
