# SPDX-License-Identifier: BSD-2-Clause
#
# Reads PERCPU_VERSION ("x.y.z") from include/percpu/version.h, before
# project(): the header is the one place the version is written, because C
# code uses it straight from the source tree, and project(VERSION) takes it
# from here.
file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/../include/percpu/version.h"
     _percpu_version_lines REGEX "^#define PERCPU_VERSION_(MAJOR|MINOR|PATCH) ")
foreach(_part MAJOR MINOR PATCH)
  if(NOT _percpu_version_lines MATCHES "#define PERCPU_VERSION_${_part} +([0-9]+)")
    message(FATAL_ERROR "include/percpu/version.h: no numeric PERCPU_VERSION_${_part}")
  endif()
  set(_percpu_version_${_part} ${CMAKE_MATCH_1})
endforeach()
set(PERCPU_VERSION
    "${_percpu_version_MAJOR}.${_percpu_version_MINOR}.${_percpu_version_PATCH}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_CURRENT_LIST_DIR}/../include/percpu/version.h")
