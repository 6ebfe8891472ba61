/* zip_reason.c - libzip's error codes in Swedish (see zip_reason.h). */
#include "zip_reason.h"

#include <stdio.h>

#include "errno_text.h"

/* Indexed by libzip's ZIP_ER_* code (libzip 1.7: 0 to 32). */
static const char *const swedish[] = {
    [ZIP_ER_OK] = "inget fel",
    [ZIP_ER_MULTIDISK] = "arkiv delade på flera diskar stöds inte",
    [ZIP_ER_RENAME] = "en tillfällig fil kunde inte byta namn",
    [ZIP_ER_CLOSE] = "arkivet kunde inte stängas",
    [ZIP_ER_SEEK] = "fel vid sökning i filen",
    [ZIP_ER_READ] = "läsfel",
    [ZIP_ER_WRITE] = "skrivfel",
    [ZIP_ER_CRC] = "kontrollsumman (CRC) stämmer inte: filen är skadad",
    [ZIP_ER_ZIPCLOSED] = "arkivet har stängts",
    [ZIP_ER_NOENT] = "filen finns inte",
    [ZIP_ER_EXISTS] = "filen finns redan",
    [ZIP_ER_OPEN] = "filen kan inte öppnas",
    [ZIP_ER_TMPOPEN] = "en tillfällig fil kan inte skapas",
    [ZIP_ER_ZLIB] = "fel vid uppackningen (zlib)",
    [ZIP_ER_MEMORY] = "minnet tog slut",
    [ZIP_ER_CHANGED] = "posten har ändrats",
    [ZIP_ER_COMPNOTSUPP] = "komprimeringsmetoden stöds inte",
    [ZIP_ER_EOF] = "filen tar slut för tidigt",
    [ZIP_ER_INVAL] = "ogiltigt argument",
    [ZIP_ER_NOZIP] = "inget zip-arkiv",
    [ZIP_ER_INTERNAL] = "internt fel i libzip",
    [ZIP_ER_INCONS] = "zip-arkivet hänger inte ihop (filen är skadad)",
    [ZIP_ER_REMOVE] = "filen kan inte tas bort",
    [ZIP_ER_DELETED] = "posten har tagits bort",
    [ZIP_ER_ENCRNOTSUPP] = "krypteringsmetoden stöds inte",
    [ZIP_ER_RDONLY] = "arkivet är skrivskyddat",
    [ZIP_ER_NOPASSWD] = "arbetsboken är lösenordsskyddad (spara den utan lösenord)",
    [ZIP_ER_WRONGPASSWD] = "fel lösenord",
    [ZIP_ER_OPNOTSUPP] = "åtgärden stöds inte",
    [ZIP_ER_INUSE] = "resursen används fortfarande",
    [ZIP_ER_TELL] = "fel vid läsning av filens position",
    [ZIP_ER_COMPRESSED_DATA] = "de packade data är ogiltiga (filen är skadad)",
    [ZIP_ER_CANCELLED] = "åtgärden avbröts",
};

const char *styr_zip_reason(zip_error_t *ze, int english, char *buf, size_t cap)
{
    int code = zip_error_code_zip(ze);
    if (english || code < 0 || (size_t)code >= sizeof swedish / sizeof swedish[0] || !swedish[code]) {
        snprintf(buf, cap, "%s", zip_error_strerror(ze));
        return buf;
    }
    /* A system error carries errno (a read that failed: "läsfel: disken
     * ..."); zlib's code means nothing to a reader and is left out. */
    int sys = zip_error_system_type(ze) == ZIP_ET_SYS ? zip_error_code_system(ze) : 0;
    if (sys)
        snprintf(buf, cap, "%s: %s", swedish[code], styr_errno_text(sys, 0));
    else
        snprintf(buf, cap, "%s", swedish[code]);
    return buf;
}
