/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * main of the plain (reference) build of a csmith program: runs it once,
 * the way percpu_harness.c runs it on each CPU.
 */
int csmith_main(int argc, char *argv[]); /* the program's main, renamed */
void fuzz_reset_checksum(void);          /* appended to the program */

int main(void) {
  char *argv[] = {"csmith", 0};
  fuzz_reset_checksum();
  return csmith_main(1, argv);
}
