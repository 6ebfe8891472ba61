/* inputs.c - the registry of the files this run has read. */
#include "inputs.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct input_file {
    dev_t dev;
    ino_t ino;
    char *path;
} input_file;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static input_file *files;
static size_t nfiles, capfiles;

void styr_inputs_note_fd(int fd, const char *path)
{
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return;   /* only regular files can be replaced by an output */
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < nfiles; i++)
        if (files[i].dev == st.st_dev && files[i].ino == st.st_ino) {
            pthread_mutex_unlock(&lock);
            return;
        }
    if (nfiles == capfiles) {
        size_t cap = capfiles ? capfiles * 2 : 32;
        input_file *g = realloc(files, cap * sizeof *g);
        if (!g) {
            pthread_mutex_unlock(&lock);
            return;
        }
        files = g;
        capfiles = cap;
    }
    char *copy = strdup(path ? path : "");
    if (copy)
        files[nfiles++] = (input_file){st.st_dev, st.st_ino, copy};
    pthread_mutex_unlock(&lock);
}

const char *styr_inputs_find(dev_t dev, ino_t ino)
{
    const char *found = NULL;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < nfiles && !found; i++)
        if (files[i].dev == dev && files[i].ino == ino)
            found = files[i].path;
    pthread_mutex_unlock(&lock);
    return found;
}
