#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs gdb in batch mode on a program, natively or against QEMU's gdbstub.

    run_gdb.py --gdb GDB --gdb-dir DIR --commands FILE [--qemu-user QEMU]
               PROG [-- QEMU-SYSTEM COMMAND...]

The gdb commands are the lines "// GDB: <command>" of FILE (the test), each
passed as its own -ex, so that one that fails does not stop the others.
gdb auto-loads the extension from DIR (add-auto-load-safe-path DIR), as a
user would.

With --qemu-user, PROG runs under QEMU -g SOCKET; with a command after --,
that command gets -gdb unix:SOCKET,server=on,wait=off -S (a qemu-system
kernel). SOCKET is a Unix socket in a fresh directory: no TCP port to pick
or to race other tests for, and nothing reachable from the network (QEMU's
-g PORT listens on every address). The emulator's output is printed
first, then gdb's, so that FileCheck can capture what the program printed
and match gdb's values against it. Everything is killed after --timeout
seconds.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def start_qemu(command, socket_path, deadline):
    """The QEMU process, once its gdbstub listens on socket_path."""
    qemu = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    while time.monotonic() < deadline and qemu.poll() is None:
        if os.path.exists(socket_path):
            return qemu
        time.sleep(0.05)
    out = stop(qemu)
    sys.exit("run_gdb: QEMU did not start its gdbstub: %s\n%s"
             % (" ".join(command), out.decode(errors="replace")))


def stop(process):
    if process.poll() is None:
        process.kill()
    out, _ = process.communicate()
    return out or b""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gdb", required=True)
    parser.add_argument("--gdb-dir", required=True)
    parser.add_argument("--commands", required=True)
    parser.add_argument("--qemu-user")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("prog")
    parser.add_argument("qemu_system", nargs="*")
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout

    with open(args.commands) as f:
        commands = [m.group(1) for m in
                    (re.match(r"\s*//\s*GDB:\s?(.*)$", line) for line in f) if m]

    qemu = None
    gdb = [args.gdb, "-nx", "-batch",
           "-iex", "set debuginfod enabled off",
           "-iex", "add-auto-load-safe-path " + args.gdb_dir]
    tmp = tempfile.mkdtemp(prefix="percpu-gdb-")
    socket_path = os.path.join(tmp, "gdb.sock")
    if args.qemu_user:
        qemu = start_qemu([args.qemu_user, "-g", socket_path, args.prog],
                          socket_path, deadline)
    elif args.qemu_system:
        qemu = start_qemu(args.qemu_system +
                          ["-gdb", "unix:%s,server=on,wait=off" % socket_path, "-S"],
                          socket_path, deadline)
    if qemu:
        gdb += ["-ex", "target remote " + socket_path]
    for command in commands:
        gdb += ["-ex", command]
    gdb.append(args.prog)

    timed_out = False
    try:
        result = subprocess.run(gdb, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT,
                                timeout=max(1, deadline - time.monotonic()))
        gdb_out = result.stdout
    except subprocess.TimeoutExpired as e:
        gdb_out, timed_out = e.stdout or b"", True
    finally:
        qemu_out = stop(qemu) if qemu else b""
        shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.buffer.write(qemu_out)
    sys.stdout.buffer.write(b"--- gdb ---\n")
    sys.stdout.buffer.write(gdb_out)
    if timed_out:
        sys.exit("run_gdb: gdb did not finish in %g s" % args.timeout)


if __name__ == "__main__":
    main()
