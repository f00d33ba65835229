#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# run-kernel.sh STATUS COMMAND...: runs a QEMU command line with a 60 s
# timeout, its stdin closed, and passes its output (the guest's UART)
# through. Succeeds only when the command exits with STATUS.
want=$1
shift
timeout 60 "$@" </dev/null
got=$?
if [ "$got" != "$want" ]; then
  echo "run-kernel: exit status $got, expected $want" >&2
  exit 1
fi
