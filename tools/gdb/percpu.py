# SPDX-License-Identifier: BSD-2-Clause
"""percpu-llvm's gdb extension: any CPU's copy of a per-CPU variable.

    p v                 this CPU's copy, from the debug info alone where gdb
                        reads the base register (riscv, loongarch64); on
                        x86_64 and aarch64, which gdb 13 cannot read, an
                        error "Cannot access memory at address 0x4000...",
                        which this file explains when it loads
    p $percpu(v)        this CPU's copy; $percpu(v, 2) CPU 2's; v may be
                        v.field or v[i]
    percpu v            v on every CPU; percpu v 2: CPU 2's
    percpu info         the layout: areas, stride or offsets, CPUs, and
                        this CPU's base register

$percpu(p) of a per-CPU pointer (T __percpu *, &v, alloc_percpu) is the
object it points to on that CPU, *per_cpu_ptr(p, cpu). "This CPU" is the
selected thread: a thread per CPU in user space, `thread N` for CPU N-1
under qemu-system.

The delta model (include/percpu.h): CPU n's copy of the object at template
address a is at a + offset(n), and this CPU's base register holds this
CPU's offset. The plugin gives `v` the location a + base register where gdb
reads the register from DWARF, and a ^ mark elsewhere (pass/
PercpuDebugInfo.cpp): this file undoes either.

gdb loads this file itself once it is in the auto-load safe path,
`add-auto-load-safe-path <prefix>/share/percpu-llvm/gdb`, since the plugin
names it in the .debug_gdb_scripts of every program built with -g; or
`source` it.
"""

import re

import gdb

# Per architecture (the prefix of gdb's name for it): the mark the debug
# info XORs into template addresses where gdb cannot read the base register
# (0: it can; pass/PercpuTarget.cpp has the same table), and for each base
# register, as the runtime names it (include/percpu/abi.h), the names gdb
# or QEMU's gdbstub give it, tried in turn. The runtime defines
# __percpu_runtime_for_<register> for the register it was built for.
ARCHES = (
    ("i386:x86-64", 1 << 62, {"gs": ("gs_base",)}),
    ("aarch64", 1 << 55, {"tpidr_el1": ("TPIDR_EL1",),
                          "tpidr_el2": ("TPIDR_EL2",),
                          "tpidr_el0": ("tpidr", "TPIDR_EL0")}),
    ("riscv", 0, {"gp": ("gp",), "tp": ("tp",)}),
    ("loongarch", 0, {"r21": ("r21",)}),
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
    mask = _mask()
    if "offsets" in fields:
        table = lay["offsets"]
        offsets = [int(table[n]) & mask for n in range(num)]
        how = "offsets[] at 0x%x" % int(table)
    else:
        offset0, stride = int(lay["offset0"]), int(lay["stride"])
        offsets = [(offset0 + n * stride) & mask for n in range(num)]
        how = "offset0 0x%x, stride %d" % (offset0, stride)
    return num, offsets, how


def _arch():
    """(mark, registers) of the selected frame's architecture."""
    name = gdb.selected_frame().architecture().name()
    for prefix, mark, registers in ARCHES:
        if name.startswith(prefix):
            return mark, registers
    raise PercpuError("percpu: per-CPU variables are not known on " + name)


def base_register():
    """(register name, this CPU's offset) for the selected thread; the
    name is None in single-CPU mode, where every offset is 0."""
    if _symbol_defined("__percpu_runtime_for_single_cpu"):
        return None, 0
    for reg, gdb_names in _arch()[1].items():
        if not _symbol_defined("__percpu_runtime_for_" + reg):
            continue
        for gdb_name in gdb_names:
            try:
                value = gdb.selected_frame().read_register(gdb_name)
            except ValueError:
                continue
            return gdb_name, int(value) & _mask()
        raise PercpuError("percpu: this target does not show %s to gdb "
                          "(tried $%s)" % (reg, ", $".join(gdb_names)))
    raise PercpuError("percpu: the program's runtime uses none of the "
                      "per-CPU base registers gdb knows")


def _mask():
    return (1 << (8 * gdb.lookup_type("unsigned long").sizeof)) - 1


def _as_template(addr, base, mark):
    """The template address that gdb's address addr stands for: addr
    itself, or this CPU's copy of it, which the debug info gives as
    template ^ mark where there is a mark, else as template + base
    register. None when it is none of those."""
    start, stop = template_range()
    this_cpu = addr ^ mark if mark else (addr - base) & _mask()
    for template in (addr, this_cpu):
        if start <= template < stop:
            return template
    return None


def resolve(value):
    """(template address, type) of the object a value designates: a
    per-CPU variable (or part of one), or the object a per-CPU pointer
    points to. A pointer that reaches no template, from alloc_percpu, is
    taken as a per-CPU pointer as it is."""
    mark = _arch()[0]
    base = base_register()[1]
    if value.address is not None:
        template = _as_template(int(value.address), base, mark)
        if template is not None:
            return template, value.type
    type_ = value.type.strip_typedefs()
    if type_.code == gdb.TYPE_CODE_PTR:
        ptr = int(value) & _mask()
        template = _as_template(ptr, base, mark)
        return (ptr if template is None else template), type_.target()
    raise PercpuError("percpu: not a per-CPU variable or pointer")


def copy(template, type_, offset):
    """The object of type type_ at template + offset."""
    ptr = gdb.Value((template + offset) & _mask()).cast(type_.pointer())
    return ptr.dereference()


def cpu_offset(cpu):
    num, offsets, _ = layout()
    if not 0 <= cpu < num:
        raise PercpuError("percpu: no CPU %d (the runtime has %d)" % (cpu, num))
    return offsets[cpu]


class PercpuFunction(gdb.Function):
    """$percpu(v[, cpu]): this CPU's copy of per-CPU variable v, or CPU cpu's.
v may be v.field or v[i]; a per-CPU pointer gives the object it points to
(an array passed as v gives its first element: use percpu v for all of it)."""

    def __init__(self):
        super().__init__("percpu")

    def invoke(self, value, cpu=None):
        template, type_ = resolve(value)
        offset = base_register()[1] if cpu is None else cpu_offset(int(cpu))
        return copy(template, type_, offset)


class PercpuCommand(gdb.Command):
    """Show a per-CPU variable on every CPU, or on one.
percpu EXPR        EXPR on every CPU
percpu EXPR CPU    EXPR on CPU CPU
percpu info        the areas, the number of CPUs, this CPU's base register
EXPR is a per-CPU variable (v, v.field, v[i]) or a per-CPU pointer."""

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
        template, type_ = resolve(gdb.parse_and_eval(argument))
        if cpus is None:
            cpus = range(layout()[0])
            if not cpus:
                gdb.write("percpu: no CPU yet (percpu_init has not run)\n")
        for cpu in cpus:
            value = copy(template, type_, cpu_offset(cpu))
            gdb.write("[%d]: %s\n" % (cpu, value.format_string()))

    @staticmethod
    def info():
        start, stop = template_range()
        num, offsets, how = layout()
        gdb.write("template: 0x%x-0x%x (%d bytes)\n" % (start, stop, stop - start))
        gdb.write("CPUs: %d (%s)\n" % (num, how))
        for cpu, offset in enumerate(offsets):
            gdb.write("  CPU %d: offset 0x%x, area 0x%x\n"
                      % (cpu, offset, (start + offset) & _mask()))
        reg, base = base_register()
        if reg is None:
            gdb.write("this CPU: single-CPU mode, no base register\n")
            return
        mine = [cpu for cpu, offset in enumerate(offsets) if offset == base]
        which = ("CPU %d" % mine[0]) if mine else \
            ("the template" if base == 0 else "no CPU's area")
        gdb.write("this CPU: $%s = 0x%x (%s)\n" % (reg, base, which))


def _note_unreadable_register():
    """Says, once on loading, where `p v` cannot show this CPU's copy."""
    try:
        name = gdb.selected_inferior().architecture().name()
    except (gdb.error, RuntimeError):
        return
    for prefix, mark, _ in ARCHES:
        if name.startswith(prefix) and mark:
            gdb.write("percpu-llvm: gdb cannot read the per-CPU base register "
                      "of %s from DWARF, so `p v` of a per-CPU variable fails "
                      "with \"Cannot access memory\" (its location is the "
                      "template's address with bit %d set); use `p $percpu(v)` "
                      "or `percpu v` (help percpu)\n"
                      % (name, mark.bit_length() - 1))


PercpuFunction()
PercpuCommand()
_note_unreadable_register()
