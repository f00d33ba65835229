# SPDX-License-Identifier: BSD-2-Clause
"""compare_options.py HELP MAN README: the options `percpu-cc --help` lists
(file HELP) must be the man page's OPTIONS, both ways, and each --percpu-*
one must appear in the README. Prints what differs; exits 1 if anything
does."""
import re
import sys

help_text, man, readme = (open(p).read() for p in sys.argv[1:4])

# --help: an indented option at the start of a line.
in_help = set(re.findall(r"^\s+(--[a-z][a-z0-9-]*)", help_text, re.M))

# The man page: the tag line after each .TP in section OPTIONS, whose
# hyphens roff spells \-, as in ".BI \-\-percpu\-reg= REG".
section = man.split(".SH OPTIONS", 1)[1].split("\n.SH ", 1)[0].replace("\\-", "-")
in_man = set(re.findall(r"^\.TP\n\.BI? (--[a-z][a-z0-9-]*)", section, re.M))

problems = []
for opt in sorted(in_help - in_man):
    problems.append("%s: in percpu-cc --help, not in the man page" % opt)
for opt in sorted(in_man - in_help):
    problems.append("%s: in the man page, not in percpu-cc --help" % opt)
for opt in sorted(o for o in in_help if o.startswith("--percpu-")):
    if opt not in readme:
        problems.append("%s: in percpu-cc --help, not in README.md" % opt)
if not in_help:
    problems.append("no options found in percpu-cc --help")
print("\n".join(problems) or "options agree: " + " ".join(sorted(in_help)))
sys.exit(1 if problems else 0)
