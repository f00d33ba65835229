"""A line-deletion reducer, bounded in time.

Deletes chunks of lines, halving the chunk size down to one line, and keeps
each deletion after which still_fails(text) holds. Most deletions break
the program, which the caller's check rejects quickly (it fails to build).
Good enough to shrink a csmith program to what matters; it never proves
the result minimal.
"""
import time


def reduce_lines(text, still_fails, seconds):
    lines = text.split("\n")
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
