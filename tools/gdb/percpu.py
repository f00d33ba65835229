# SPDX-License-Identifier: BSD-2-Clause
"""percpu-llvm's gdb extension: any CPU's copy of a per-CPU variable.

    p v                 this CPU's copy, from the debug info alone where gdb
                        can read the base register (riscv, loongarch64)
    p $percpu(v)        this CPU's copy; $percpu(v, 2) CPU 2's
    p $percpu("v")      the same, by name: x86_64 and aarch64, where gdb 13
                        cannot read the base register from DWARF, so that
                        evaluating v itself fails
    percpu v            v on every CPU; percpu v 2: CPU 2's; v may be
                        followed by .field or [i]
    percpu info         the layout: areas, stride or offsets, CPUs, and
                        this CPU's base register

$percpu(p) of a per-CPU pointer (T __percpu *, &v, alloc_percpu) is the
object it points to on that CPU, *per_cpu_ptr(p, cpu). "This CPU" is the
selected thread: a thread per CPU in user space, `thread N` for CPU N-1
in qemu-system.

The delta model (include/percpu.h): CPU n's copy of the object at template
address a is at a + offset(n), and this CPU's base register holds this
CPU's offset. gdb loads this file itself when it is in the auto-load safe
path, `add-auto-load-safe-path <prefix>/share/percpu-llvm/gdb`, since the
plugin names it in every program's .debug_gdb_scripts; or `source` it.
"""

import re

import gdb

# Per architecture (the prefix of gdb's name for it): the runtime's name of
# each base register (include/percpu/abi.h), and the names gdb or QEMU's
# gdbstub give that register, tried in turn. The runtime defines
# __percpu_runtime_for_<register> for the one it was built for.
ARCHES = (
    ("i386:x86-64", {"gs": ("gs_base",)}),
    ("aarch64", {"tpidr_el1": ("TPIDR_EL1",), "tpidr_el2": ("TPIDR_EL2",),
                 "tpidr_el0": ("tpidr", "TPIDR_EL0")}),
    ("riscv", {"gp": ("gp",), "tp": ("tp",)}),
    ("loongarch", {"r21": ("r21",)}),
)
LAYOUT = "__percpu_remote_layout"


class PercpuError(gdb.GdbError):
    pass


def _address(name):
    """The address of a symbol, or None."""
    try:
        return int(gdb.parse_and_eval("(unsigned long)&" + name))
    except gdb.error:
        return None


def _symbol_defined(name):
    return _address(name) is not None


def template_range():
    start, stop = _address("__start_percpu"), _address("__stop_percpu")
    if start is None or stop is None:
        raise PercpuError("percpu: no per-CPU template in this program "
                          "(no __start_percpu/__stop_percpu)")
    return start, stop


def layout():
    """(number of CPUs, [offset of CPU n], description) from the runtime.

    Relies on the runtime's debug info for LAYOUT and on its fields: num
    (0 before percpu_init) and either offsets, a pointer to num offsets,
    or offset0 and stride (CPU n's offset is offset0 + n * stride).
    """
    try:
        lay = gdb.parse_and_eval(LAYOUT)
        fields = {f.name for f in lay.type.strip_typedefs().fields()}
    except (gdb.error, TypeError):
        raise PercpuError("percpu: no %s with debug info: is the program "
                          "linked with percpu-llvm's runtime?" % LAYOUT)
    num = int(lay["num"])
    mask = (1 << (8 * gdb.lookup_type("unsigned long").sizeof)) - 1
    if "offsets" in fields:
        table = lay["offsets"]
        offsets = [int(table[n]) & mask for n in range(num)]
        how = "offsets[] at 0x%x" % int(table)
    else:
        offset0, stride = int(lay["offset0"]), int(lay["stride"])
        offsets = [(offset0 + n * stride) & mask for n in range(num)]
        how = "offset0 0x%x, stride %d" % (offset0, stride)
    return num, offsets, how


def base_register():
    """(register name, this CPU's offset) for the selected thread; the
    name is None in single-CPU mode, where every offset is 0."""
    if _symbol_defined("__percpu_runtime_for_single_cpu"):
        return None, 0
    arch = gdb.selected_frame().architecture().name()
    for prefix, registers in ARCHES:
        if not arch.startswith(prefix):
            continue
        for reg, gdb_names in registers.items():
            if not _symbol_defined("__percpu_runtime_for_" + reg):
                continue
            for gdb_name in gdb_names:
                try:
                    value = gdb.selected_frame().read_register(gdb_name)
                except ValueError:
                    continue
                bits = 8 * value.type.sizeof
                return gdb_name, int(value) & ((1 << bits) - 1)
            raise PercpuError("percpu: this target does not show %s to gdb "
                              "(tried $%s)" % (reg, ", $".join(gdb_names)))
        raise PercpuError("percpu: the program's runtime uses none of the "
                          "base registers of %s" % arch)
    raise PercpuError("percpu: no per-CPU base register known for " + arch)


def _template_of_symbol(name):
    """(template address, type) of the per-CPU variable name, without
    evaluating it (on x86_64 and aarch64 gdb cannot)."""
    sym = gdb.lookup_symbol(name)[0]
    if sym is None or not sym.is_variable:
        raise PercpuError("percpu: no variable '%s'" % name)
    desc = gdb.execute("info address " + name, to_string=True)
    match = re.search(r"DW_OP_addrx? (0x[0-9a-fA-F]+)", desc)
    if not match:
        raise PercpuError("percpu: '%s' is not a per-CPU variable" % name)
    return int(match.group(1), 16), sym.type


def _template_of_value(value, base):
    """(template address, type) of the object a value designates: a
    per-CPU variable (this CPU's copy or the template), or the object a
    per-CPU pointer points to."""
    start, stop = template_range()
    if value.address is not None:
        addr = int(value.address)
        for template in (addr, addr - base):
            if start <= template < stop:
                return template, value.type
    type_ = value.type.strip_typedefs()
    if type_.code == gdb.TYPE_CODE_PTR:
        # A per-CPU pointer holds a template address; &v in gdb is this
        # CPU's copy already.
        ptr = int(value)
        if not start <= ptr < stop and start <= ptr - base < stop:
            ptr -= base
        return ptr, type_.target()
    raise PercpuError("percpu: not a per-CPU variable or pointer")


def _is_string(value):
    """Whether value is a string literal ("v" in $percpu("v"))."""
    type_ = value.type.strip_typedefs()
    return (type_.code == gdb.TYPE_CODE_ARRAY and value.address is None
            and type_.target().sizeof == 1)


def resolve(arg):
    """(template address, type, suffix) of a value, or of the text
    "name.field[i]..." where only name is a per-CPU variable."""
    if isinstance(arg, gdb.Value) and not _is_string(arg):
        template, type_ = _template_of_value(arg, base_register()[1])
        return template, type_, ""
    if isinstance(arg, gdb.Value):
        arg = arg.string()
    text = arg.strip()
    try:
        value = gdb.parse_and_eval(text)
    except gdb.error:
        value = None
    if value is not None:
        template, type_ = _template_of_value(value, base_register()[1])
        return template, type_, ""
    match = re.match(r"\s*([A-Za-z_]\w*)(.*)$", text)
    if not match:
        raise PercpuError("percpu: cannot read '%s'" % text)
    template, type_ = _template_of_symbol(match.group(1))
    return template, type_, match.group(2)


def copy(template, type_, suffix, offset):
    """The object at template + offset, then .field[i]... of it."""
    mask = (1 << (8 * gdb.lookup_type("unsigned long").sizeof)) - 1
    ptr = gdb.Value((template + offset) & mask).cast(type_.pointer())
    if not suffix.strip():
        return ptr.dereference()
    gdb.set_convenience_variable("__percpu_copy", ptr)
    return gdb.parse_and_eval("(*$__percpu_copy)" + suffix)


def cpu_offset(cpu):
    num, offsets, _ = layout()
    if not 0 <= cpu < num:
        raise PercpuError("percpu: no CPU %d (the runtime has %d)" % (cpu, num))
    return offsets[cpu]


class PercpuFunction(gdb.Function):
    """$percpu(v[, cpu]): this CPU's copy of per-CPU variable v, or CPU cpu's.
v may be a per-CPU variable, a per-CPU pointer (then the object it points
to), or a string naming a variable ("v", "v.field"), which works where gdb
cannot evaluate v itself (x86_64, aarch64)."""

    def __init__(self):
        super().__init__("percpu")

    def invoke(self, arg, cpu=None):
        template, type_, suffix = resolve(arg)
        offset = base_register()[1] if cpu is None else cpu_offset(int(cpu))
        return copy(template, type_, suffix, offset)


class PercpuCommand(gdb.Command):
    """Show per-CPU variables on every CPU or on one.
percpu EXPR        EXPR on every CPU
percpu EXPR CPU    EXPR on CPU CPU
percpu info        the areas, the number of CPUs, this CPU's base register
EXPR is a per-CPU variable or pointer, possibly followed by .field or [i]."""

    def __init__(self):
        super().__init__("percpu", gdb.COMMAND_DATA, gdb.COMPLETE_SYMBOL)

    def invoke(self, argument, from_tty):
        argument = argument.strip()
        if not argument:
            raise PercpuError("usage: percpu EXPR [CPU] | percpu info")
        if argument == "info":
            self.info()
            return
        words = argument.rsplit(None, 1)
        cpus = None
        if len(words) == 2 and re.fullmatch(r"\d+", words[1]):
            argument, cpus = words[0], [int(words[1])]
        template, type_, suffix = resolve(argument)
        num, offsets, _ = layout()
        if cpus is None:
            cpus = range(num)
            if not num:
                gdb.write("percpu: no CPU yet (percpu_init has not run)\n")
        for cpu in cpus:
            value = copy(template, type_, suffix, cpu_offset(cpu))
            gdb.write("[%d]: %s\n" % (cpu, value.format_string()))

    @staticmethod
    def info():
        start, stop = template_range()
        num, offsets, how = layout()
        gdb.write("template: 0x%x-0x%x (%d bytes)\n" % (start, stop, stop - start))
        gdb.write("CPUs: %d (%s)\n" % (num, how))
        for cpu, offset in enumerate(offsets):
            mask = (1 << (8 * gdb.lookup_type("unsigned long").sizeof)) - 1
            gdb.write("  CPU %d: offset 0x%x, area 0x%x\n"
                      % (cpu, offset, (start + offset) & mask))
        reg, base = base_register()
        if reg is None:
            gdb.write("this CPU: single-CPU mode, no base register\n")
            return
        mine = [cpu for cpu, offset in enumerate(offsets) if offset == base]
        which = ("CPU %d" % mine[0]) if mine else \
            ("the template" if base == 0 else "no CPU's area")
        gdb.write("this CPU: $%s = 0x%x (%s)\n" % (reg, base, which))


PercpuFunction()
PercpuCommand()
