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
 * (cut to cap bytes, at a character's edge). A leading "file:line: " is
 * kept. at_load: msg is the parser's (a syntax error), and its templates
 * apply too; a name with a letter outside a-z then gets a hint in either
 * language. A message over 1024 bytes, or one the matcher would spend more
 * than a bounded amount of work on, is left as it is. */
const char *styr_lua_words(const char *msg, int lang, int at_load, char *buf, size_t cap);

/* The bytes the matcher compared in this thread's last styr_lua_words()
 * call: never more than its bound (20000), whatever the message; for the
 * tests that hold it to that. */
long styr_lua_words_work(void);

/* A Lua type name ("table") in Swedish, with its article ("en tabell");
 * a name it does not know as it is. */
const char *styr_lua_type_sv(const char *type);

#endif
