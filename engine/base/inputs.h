/* inputs.h - the files this run has read (plans, scenarios, ruleset files,
 * rule files, fixtures), by device and inode, so that no output ever
 * replaces one of them: `-o plan.yaml` must not destroy the plan, whether
 * it is named directly, through a symbolic link or through a hard link. */
#ifndef STYR_INPUTS_H
#define STYR_INPUTS_H

#include <sys/types.h>

/* Records the open file fd (read by the run) under its path. Thread-safe. */
void styr_inputs_note_fd(int fd, const char *path);

/* The path under which the file (dev, ino) was read, or NULL when this run
 * has not read it. The string lives until the process ends. */
const char *styr_inputs_find(dev_t dev, ino_t ino);

#endif
