/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hosted percpu_init's check that per-CPU data lives in the executable
 * only. A shared library's template is not the one percpu_init copies, so
 * per-CPU accesses in one would reach no CPU's area. Linking one fails
 * (executable_only.c); this catches what got round that, in every object
 * loaded so far: a -fPIC unit's ELF note (include/percpu/abi.h), or this
 * runtime itself, outside the main program. It names the object on stderr
 * and makes percpu_init return -ENOTSUP. A library loaded with dlopen after
 * percpu_init is not seen here.
 *
 * The scan runs once at start-up (a constructor) and again in percpu_init
 * only if objects were loaded since, so that the set-up costs the copy of
 * the template and little more: percpu_init reads the start-up verdict
 * inline (percpu__check_images in percpu_internal.h) and calls in here only
 * when it is not clean. The objects of start-up cannot be
 * unloaded, and dlopen appends to the list of loaded objects that
 * <link.h>'s _r_debug heads: nothing was loaded while the last one of
 * start-up is still the last. Without _r_debug (a static program), the
 * load and unload counts of dl_iterate_phdr tell.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <link.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#include <percpu.h>

#include "percpu_internal.h"

/* The runtime's own errno values (percpu_internal.h) are the C library's. */
_Static_assert(PERCPU__EPERM == EPERM && PERCPU__ENOMEM == ENOMEM &&
                   PERCPU__EBUSY == EBUSY && PERCPU__ENODEV == ENODEV &&
                   PERCPU__EINVAL == EINVAL && PERCPU__ENOSPC == ENOSPC &&
                   PERCPU__ENOTSUP == ENOTSUP,
               "errno values differ from Linux's");

/* An address inside this runtime, whichever object it was linked into. */
extern const char PERCPU_SHARED_LIBRARY_SYM;

struct image_scan {
  const ElfW(Phdr) *main_phdrs; /* the main program's, from AT_PHDR */
  const char *name;             /* the first offending object, or NULL */
  int is_runtime;               /* it holds this runtime */
};

/* The loaded objects' generation: 0 when the C library does not say. */
struct image_generation {
  unsigned long long adds, subs;
};

static size_t round_up(size_t n, size_t align) {
  return (n + align - 1) & ~(align - 1);
}

/* Whether a PT_NOTE segment holds a per-CPU data note. */
static int has_percpu_note(const char *p, size_t size, size_t align) {
  while (size >= sizeof(ElfW(Nhdr))) {
    const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)p;
    size_t name_at = sizeof *n;
    size_t desc_at = name_at + round_up(n->n_namesz, align);
    size_t next = desc_at + round_up(n->n_descsz, align);
    if (desc_at < name_at || next < desc_at || next > size)
      return 0; /* malformed: not one of ours */
    if (n->n_type == PERCPU_NOTE_PER_CPU_DATA &&
        n->n_namesz == sizeof PERCPU_NOTE_NAME &&
        !memcmp(p + name_at, PERCPU_NOTE_NAME, sizeof PERCPU_NOTE_NAME))
      return 1;
    p += next;
    size -= next;
  }
  return 0;
}

static int visit(struct dl_phdr_info *info, size_t size, void *arg) {
  struct image_scan *scan = arg;
  uintptr_t runtime = (uintptr_t)&PERCPU_SHARED_LIBRARY_SYM;
  (void)size;
  if (info->dlpi_phdr == scan->main_phdrs)
    return 0;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    int found = 0;
    if (ph->p_type == PT_LOAD && runtime - start < ph->p_memsz)
      found = scan->is_runtime = 1;
    else if (ph->p_type == PT_NOTE)
      found = has_percpu_note((const char *)start, ph->p_memsz,
                              ph->p_align == 8 ? 8 : 4);
    if (found) {
      scan->name = info->dlpi_name[0] ? info->dlpi_name : "(unnamed object)";
      return 1; /* stop */
    }
  }
  return 0;
}

static int read_generation(struct dl_phdr_info *info, size_t size, void *arg) {
  struct image_generation *gen = arg;
  if (size >= offsetof(struct dl_phdr_info, dlpi_subs) + sizeof info->dlpi_subs) {
    gen->adds = info->dlpi_adds;
    gen->subs = info->dlpi_subs;
  }
  return 1; /* the first object says it */
}

static struct image_scan scan_images(void) {
  struct image_scan scan = {
      (const ElfW(Phdr) *)getauxval(AT_PHDR), NULL, 0};
  if (scan.main_phdrs)
    dl_iterate_phdr(visit, &scan);
  return scan;
}

extern struct r_debug _r_debug __attribute__((weak));

/* Written once, before main; read-only afterwards. */
struct percpu__images percpu__images_at_start PERCPU__STATE;
static struct image_generation at_start_generation PERCPU__STATE;

__attribute__((constructor)) static void scan_at_start(void) {
  struct link_map *last = NULL;
  if (&_r_debug && _r_debug.r_map)
    for (last = _r_debug.r_map; last->l_next;)
      last = last->l_next;
  dl_iterate_phdr(read_generation, &at_start_generation);
  struct image_scan scan = scan_images();
  percpu__images_at_start = (struct percpu__images){
      last ? &last->l_next : NULL, scan.name, scan.is_runtime};
}

static int loaded_since_start(void) {
  struct link_map *const *last_next = percpu__images_at_start.last_next;
  if (last_next)
    return __atomic_load_n(last_next, __ATOMIC_ACQUIRE) != NULL;
  struct image_generation now = {0, 0};
  dl_iterate_phdr(read_generation, &now);
  return !now.adds || now.adds != at_start_generation.adds ||
         now.subs != at_start_generation.subs;
}

int percpu__recheck_images(void) {
  struct image_scan scan = {NULL, percpu__images_at_start.name,
                            percpu__images_at_start.is_runtime};
  if (loaded_since_start())
    scan = scan_images();
  if (!scan.name)
    return 0;
  if (scan.is_runtime)
    fprintf(stderr,
            "percpu_init: %s: the per-CPU runtime is linked into a shared "
            "library, which is unsupported: link libpercpu.a into the "
            "executable\n",
            scan.name);
  else
    fprintf(stderr,
            "percpu_init: %s: per-CPU data in a shared library is "
            "unsupported: per-CPU variables and the code that uses them "
            "belong in the executable\n",
            scan.name);
  return -PERCPU__ENOTSUP;
}
