/* nodeview.h - the document as Lua sees it: read-only views of styr_node.
 *
 * A mapping or sequence reaches Lua as a small userdata that indexes the C
 * tree directly (no copy of the document is ever made), so reading is cheap
 * and writing is impossible. Scalars become Lua values: null -> nil, bool,
 * integer, float, string. A value flagged INVALID (wrong type, reported by
 * the schema) reads as nil.
 */
#ifndef STYR_NODEVIEW_H
#define STYR_NODEVIEW_H

#include <lua.h>

#include "doc.h"

/* Creates the node metatable in L's registry. Call once per state. */
void styr_nodeview_init(lua_State *L);

/* A view belongs to the run (the document being judged) it was made in:
 * once that run ends (styr_sandbox_end_epoch), using it is an error, not a
 * read of freed memory - a rule may keep a view in an upvalue across files.
 * Views of the ruleset's own documents (registry, settings) are lasting. */

/* Pushes the Lua value for node n (nil for NULL, an INVALID node or a blank
 * text), a view of the current run. [-0, +1] */
void styr_nodeview_push(lua_State *L, const styr_node *n);

/* Whether n is a text of nothing but white space (spaces, tabs, line breaks,
 * U+00A0): rules read such a value as nil, and each() skips such an item. */
int styr_nodeview_blank_text(const styr_node *n);

/* Pushes a view of container node n of the current run even when INVALID. [-0, +1] */
void styr_nodeview_push_view(lua_State *L, const styr_node *n);

/* As styr_nodeview_push, for a node of the ruleset's own documents, which
 * live as long as the state. [-0, +1] */
void styr_nodeview_push_lasting(lua_State *L, const styr_node *n);

/* As styr_nodeview_push, for node n found inside the view at index parent:
 * it lasts as long as that view. [-0, +1] */
void styr_nodeview_push_child(lua_State *L, const styr_node *n, int parent);

/* The node viewed at idx, or NULL if it is not a document view. Raises an
 * error for a view whose run has ended. */
const styr_node *styr_nodeview_test(lua_State *L, int idx);

/* As styr_nodeview_test, raising a standard argument error otherwise: it
 * never returns NULL (the error does not return), which the attribute tells
 * the compiler and the analysers. */
const styr_node *styr_nodeview_check(lua_State *L, int idx) __attribute__((returns_nonnull));

#endif
