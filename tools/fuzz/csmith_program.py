# SPDX-License-Identifier: BSD-2-Clause
"""A csmith program, and the one source file both builds compile.

csmith writes every global between two marker comments, one declaration a
line. make_percpu_source() qualifies each of them with __percpu, which the
file defines to nothing unless FUZZ_PERCPU is set, so the plain reference
and the per-CPU build compile the same text. It also renames main, which
the harness calls once per CPU, and appends fuzz_reset_checksum(): csmith's
checksum accumulator is an ordinary static that run 2 must start afresh.
"""
import re
import subprocess
import tempfile

# --no-pointers: a csmith pointer may point at a global or at a local, and
# a per-CPU pointer cannot point at a local, so with pointers most programs
# are ones clang rejects (see docs/fuzzing.md). Every other feature stays
# on at csmith's defaults. POINTER_OPTIONS keeps pointers, for
# make_percpu_source(keep_address_taken=True).
DEFAULT_CSMITH_OPTIONS = ["--no-pointers"]
POINTER_OPTIONS = []

GLOBALS_BEGIN = "/* --- GLOBAL VARIABLES --- */"
GLOBALS_END = "/* --- FORWARD DECLARATIONS --- */"

PRELUDE = """\
/* percpu-fuzz: FUZZ_PERCPU builds the per-CPU program, else the plain one. */
#ifdef FUZZ_PERCPU
#include <percpu.h>
#else
#define __percpu
#endif
/* Globals left ordinary (--pointers): the harness restores them for run 2. */
#define FUZZ_ORDINARY __attribute__((section("fuzz_ordinary")))
"""

EPILOGUE = """
/* percpu-fuzz: each run starts the checksum afresh. */
void fuzz_reset_checksum(void) { crc32_context = 0xFFFFFFFFUL; }
"""

MAIN = re.compile(r"^int main \(", re.M)
# The declared name: the first g_N of the line. __percpu goes right before
# it, so that it qualifies the variable itself, also when that is a pointer
# ("int32_t * volatile __percpu g_5"), never what it points to.
DECLARED_NAME = re.compile(r"\b(g_\d+)\b")
ADDRESS_TAKEN = re.compile(r"&\s*\(*\s*(g_\d+)\b")


class NotApplicable(Exception):
    """The program has a shape the transformation does not handle."""


CSMITH_TIMEOUT = 60  # seconds; csmith itself runs that long on a few seeds


def generate(seed, options):
    """The text of csmith's program for seed."""
    # csmith writes platform.info into its working directory.
    with tempfile.TemporaryDirectory(prefix="percpu-csmith-") as cwd:
        try:
            result = subprocess.run(["csmith", "--seed", str(seed)] + options, cwd=cwd,
                                    capture_output=True, text=True, timeout=CSMITH_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise NotApplicable("csmith timed out")
    if result.returncode != 0:
        raise NotApplicable("csmith failed: " + result.stderr.strip()[:200])
    return result.stdout


def is_const(declaration_specifiers):
    """Whether the variable itself is const: what follows its last "*" (or
    the whole type, without one) says "const". Those never change, and one
    section cannot hold both const and writable variables."""
    return "const" in declaration_specifiers.rsplit("*", 1)[-1].split()


def make_percpu_source(program, keep_address_taken=False):
    """Returns (source, number of globals made per-CPU). keep_address_taken
    leaves the globals whose address the program takes ordinary, since their
    pointers may be stored where pointers to locals go; the writable ones go
    in section fuzz_ordinary."""
    begin = program.find(GLOBALS_BEGIN)
    end = program.find(GLOBALS_END)
    if begin < 0 or end < begin:
        raise NotApplicable("no global variable section")
    head, globals_, tail = program[:begin], program[begin:end], program[end:]
    lines = globals_.split("\n")
    addressed = set(ADDRESS_TAKEN.findall(program)) if keep_address_taken else set()
    count = 0
    for i, line in enumerate(lines):
        name = DECLARED_NAME.search(line)
        if line.startswith("/*") or not name:
            continue
        if name.group(1) in addressed:
            if not is_const(line[:name.start()]):
                lines[i] = "FUZZ_ORDINARY " + line
            continue
        lines[i] = line[:name.start()] + "__percpu " + line[name.start():]
        count += 1
    tail, renamed = MAIN.subn("int csmith_main (", tail, count=1)
    if not renamed:
        raise NotApplicable("no main")
    return PRELUDE + head + "\n".join(lines) + tail + EPILOGUE, count
