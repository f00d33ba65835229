# SPDX-License-Identifier: BSD-2-Clause
#
# The headers: percpu.h and percpu/*.h, as PerCPU::headers to consumers.
# Included, not a subdirectory: the build tree's include/ is a symlink to
# the source's (PercpuLayout.cmake), and a binary directory there would
# write into the source tree.
add_library(percpu-headers INTERFACE)
target_include_directories(percpu-headers INTERFACE
  $<BUILD_INTERFACE:${PERCPU_INCLUDE_DIR}>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(percpu-headers PROPERTIES EXPORT_NAME headers)
install(TARGETS percpu-headers EXPORT PerCPUTargets)
install(FILES ${PERCPU_INCLUDE_DIR}/percpu.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PERCPU_INCLUDE_DIR}/percpu DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
