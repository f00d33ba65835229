# SPDX-License-Identifier: BSD-2-Clause
# Summarises an x86 asm listing per function: prints "<fn>: no %gs:" for a
# function that never addresses the GS segment, "<fn>: calls" for one that
# calls anything, then "<n> functions".
/^\t\.type\t.*,@function/ { split($2, Name, ","); Functions[Name[1]] = 1 }
/^[A-Za-z_][A-Za-z0-9_]*:/ { Current = substr($1, 1, length($1) - 1) }
/%gs:/ { Segment[Current] = 1 }
/^\t(call|jmp)[a-z]*\t[A-Za-z_]/ { Calls[Current] = 1 }
END {
  N = 0
  for (F in Functions) {
    N++
    if (!(F in Segment))
      print F ": no %gs:"
    if (F in Calls)
      print F ": calls"
  }
  print N " functions"
}
