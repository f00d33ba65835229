# SPDX-License-Identifier: BSD-2-Clause
"""A line-deletion reducer, bounded in time.

Deletes chunks of lines, halving the chunk size down to one line, and keeps
each deletion after which still_fails(text) holds. Most deletions break
the program, which the caller's check rejects quickly (it fails to build).
Good enough to shrink a csmith program to what matters; it never proves
the result minimal.
"""
import re
import time

# csmith's comment blocks and blank lines: dropping them first, in one
# step, makes every later try cheaper to print and compile.
NOISE = re.compile(r"^(\s*|/\* -+ \*/|/\* ?| \* (reads|writes) ?:.*| \*/)$")


def reduce_lines(text, still_fails, seconds):
    lines = text.split("\n")
    quiet = [line for line in lines if not NOISE.match(line)]
    if still_fails("\n".join(quiet)):
        lines = quiet
    deadline = time.monotonic() + seconds
    chunk = max(1, len(lines) // 2)
    while True:
        i = 0
        while i < len(lines):
            if time.monotonic() > deadline:
                return "\n".join(lines)
            candidate = lines[:i] + lines[i + chunk:]
            if still_fails("\n".join(candidate)):
                lines = candidate
            else:
                i += chunk
        if chunk == 1:
            return "\n".join(lines)
        chunk //= 2
