/* lua_words.h - Lua's own error messages in Swedish.
 *
 * A coordinator who edits a rule meets Lua's words when it goes wrong: a
 * syntax error at load ("unexpected symbol near ','"), a crash at run time
 * ("attempt to index a nil value (field 'owner')"), a library call with a
 * wrong argument. Lua writes them in English; a Swedish run says the same
 * in Swedish. Messages no template knows (a rule's own error("...") text)
 * are left as they are. */
#ifndef STYR_LUA_WORDS_H
#define STYR_LUA_WORDS_H

#include <stddef.h>

/* msg in the language lang (0 Swedish, 1 English, as lim.lang): with English,
 * or when no template matches, msg itself; else buf, holding the Swedish
 * (cut to cap bytes). A leading "file:line: " of another file is kept. */
const char *styr_lua_words(const char *msg, int lang, char *buf, size_t cap);

/* A Lua type name ("table") in Swedish, with its article ("en tabell");
 * a name it does not know as it is. */
const char *styr_lua_type_sv(const char *type);

#endif
