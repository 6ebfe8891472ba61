/* errno_text.c - the reasons a file cannot be opened or read, in Swedish. */
#include "errno_text.h"

#include <errno.h>
#include <string.h>

static const struct {
    int errnum;
    const char *sv;
} swedish[] = {
    {ENOENT, "filen finns inte"},
    {EACCES, "behörighet saknas"},
    {EPERM, "åtgärden är inte tillåten"},
    {EISDIR, "det är en mapp"},
    {ENOTDIR, "en del av sökvägen är ingen mapp"},
    {ENAMETOOLONG, "sökvägen är för lång"},
    {ELOOP, "för många symboliska länkar i sökvägen"},
    {EMFILE, "för många öppna filer"},
    {ENFILE, "för många öppna filer i systemet"},
    {EIO, "in- eller utmatningsfel"},
    {ENOSPC, "disken är full"},
    {EDQUOT, "diskkvoten är förbrukad"},
    {EPIPE, "mottagaren har stängt röret"},
    {EROFS, "filsystemet är skrivskyddat"},
    {EFBIG, "filen är för stor"},
    {ENOMEM, "minnet tog slut"},
    {ENXIO, "enheten finns inte"},
    {ENODEV, "enheten finns inte"},
    {ETXTBSY, "filen används"},
    {EINVAL, "ogiltigt argument"},
};

const char *styr_errno_text(int errnum, int english)
{
    if (!english)
        for (size_t i = 0; i < sizeof swedish / sizeof swedish[0]; i++)
            if (swedish[i].errnum == errnum)
                return swedish[i].sv;
    return strerror(errnum);
}
