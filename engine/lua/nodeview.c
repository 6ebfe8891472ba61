/* nodeview.c - read-only Lua views of document nodes (see nodeview.h). */
#include "nodeview.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox.h"
#include "text.h"

#define NODE_MT "styr.node"

typedef struct {
    const styr_node *node;
    unsigned long epoch;     /* the run it belongs to; 0: lasting */
} node_view;

/* Registry slot of the metatable, keyed by this address: a light-userdata
 * lookup is cheaper than luaL_setmetatable's string key, and this runs for
 * every container a rule reads. (Caching views per node was measured and is
 * slower than making a fresh one: a table insert costs more than the
 * allocation it saves.) */
static const char mt_key = 'm';

static void push_view(lua_State *L, const styr_node *n, unsigned long epoch)
{
    node_view *v = lua_newuserdatauv(L, sizeof *v, 0);   /* view */
    v->node = n;
    v->epoch = epoch;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &mt_key);          /* view mt */
    lua_setmetatable(L, -2);                             /* view */
}

static unsigned long current_epoch(lua_State *L)
{
    return styr_sandbox_epoch(styr_sandbox_of(L));
}

void styr_nodeview_push_view(lua_State *L, const styr_node *n)
{
    push_view(L, n, current_epoch(L));
}

/* A text of nothing but white space ("", "  ", a lone no-break space) says
 * nothing: rules read it as absent, so "owner: ''" is an owner missing, not
 * an owner the registry does not know. */
int styr_nodeview_blank_text(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype == STYR_SCALAR_STRING && styr_is_blank(n->u.text, n->count);
}

static void push_value(lua_State *L, const styr_node *n, unsigned long epoch)
{
    if (!n || (n->flags & STYR_NODE_INVALID)) {
        lua_pushnil(L);
        return;
    }
    if (n->kind != STYR_NODE_SCALAR) {
        push_view(L, n, epoch);
        return;
    }
    switch (n->stype) {
    case STYR_SCALAR_NULL: lua_pushnil(L); break;
    case STYR_SCALAR_BOOL: lua_pushboolean(L, n->v.i != 0); break;
    case STYR_SCALAR_INT: lua_pushinteger(L, (lua_Integer)n->v.i); break;
    case STYR_SCALAR_FLOAT: lua_pushnumber(L, n->v.f); break;
    default:
        if (styr_nodeview_blank_text(n))
            lua_pushnil(L);
        else
            lua_pushlstring(L, n->u.text, n->count);
        break;
    }
}

void styr_nodeview_push(lua_State *L, const styr_node *n)
{
    push_value(L, n, current_epoch(L));
}

void styr_nodeview_push_lasting(lua_State *L, const styr_node *n)
{
    push_value(L, n, 0);
}

/* Like luaL_testudata, with the metatable found by a light-userdata key
 * instead of a string (this runs on every helper call of every rule). A
 * view whose run has ended raises: its document may be freed. */
static node_view *test_view(lua_State *L, int idx)
{
    node_view *v = lua_touserdata(L, idx);
    if (!v || !lua_getmetatable(L, idx))
        return NULL;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &mt_key);
    int ours = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (ours && v->epoch && v->epoch != current_epoch(L))
        luaL_error(L, "%s",
                   styr_sandbox_english(styr_sandbox_of(L))
                       ? "this view of a plan is from a file that is no longer being judged "
                         "(kept in a variable from an earlier file?)"
                       : "den här vyn av en plan är från en fil som inte längre bedöms "
                         "(sparad i en variabel från en tidigare fil?)");
    return ours ? v : NULL;
}

void styr_nodeview_push_child(lua_State *L, const styr_node *n, int parent)
{
    node_view *v = test_view(L, parent);
    push_value(L, n, v ? v->epoch : current_epoch(L));
}

const styr_node *styr_nodeview_test(lua_State *L, int idx)
{
    node_view *v = test_view(L, idx);
    return v ? v->node : NULL;
}

const styr_node *styr_nodeview_check(lua_State *L, int idx)
{
    node_view *v = test_view(L, idx);
    if (!v || !v->node) {
        luaL_typeerror(L, idx, "map or list of the plan");
        abort();   /* not reached: luaL_typeerror raises */
    }
    return v->node;
}

/* Only our metatable reaches these metamethods (it is locked), so the
 * userdata at index 1 is a node_view - except for the iterator pairs()
 * returns, which a rule may call with anything: check every time. */
static node_view *self_view(lua_State *L)
{
    node_view *v = test_view(L, 1);
    if (!v)
        luaL_typeerror(L, 1, "map or list of the plan");
    return v;
}

static const styr_node *self(lua_State *L)
{
    return self_view(L)->node;
}

static int node_index(lua_State *L)
{
    const styr_node *n = self(L);
    if (n->kind == STYR_NODE_MAP) {
        size_t len;
        const char *key = lua_type(L, 2) == LUA_TSTRING || lua_type(L, 2) == LUA_TNUMBER
                              ? lua_tolstring(L, 2, &len) : NULL;
        const styr_node *v = key ? styr_map_get(n, key, len) : NULL;
        if (v && v->kind == STYR_NODE_SCALAR)
            styr_sandbox_note_read(L, v);   /* for each(item.field) of a text */
        styr_nodeview_push_child(L, v, 1);
        return 1;
    }
    if (n->kind == STYR_NODE_SEQ) {
        int isnum;
        lua_Integer i = lua_tointegerx(L, 2, &isnum);
        const styr_node *v = isnum && i >= 1 && (lua_Unsigned)i <= n->count ? styr_seq_item(n, (uint32_t)(i - 1)) : NULL;
        if (v && v->kind == STYR_NODE_SCALAR)
            styr_sandbox_note_read(L, v);   /* for each(list[1]) of a text, as of a field */
        styr_nodeview_push_child(L, v, 1);
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

static int node_newindex(lua_State *L)
{
    return luaL_error(L, styr_sandbox_english(styr_sandbox_of(L)) ? "the plan is read-only: a rule cannot change it"
                                                                   : "planen kan bara läsas: en regel kan inte ändra den");
}

static int node_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)self(L)->count);
    return 1;
}

/* Iterator of pairs(): the control value is the 1-based entry number. */
static int node_next(lua_State *L)
{
    const styr_node *n = self(L);
    lua_Integer i = lua_isnil(L, 2) ? 0 : lua_tointeger(L, lua_upvalueindex(1));
    for (;;) {
        i++;
        if ((lua_Unsigned)i > n->count) {
            lua_pushnil(L);
            return 1;
        }
        const styr_node *val = n->kind == STYR_NODE_MAP ? styr_map_value(n, (uint32_t)(i - 1))
                                                        : styr_seq_item(n, (uint32_t)(i - 1));
        if (styr_node_is_null(val) || (val->flags & STYR_NODE_INVALID))
            continue;
        lua_pushinteger(L, i);
        lua_replace(L, lua_upvalueindex(1));
        if (n->kind == STYR_NODE_MAP) {
            const styr_node *key = styr_map_key(n, (uint32_t)(i - 1));
            lua_pushlstring(L, key->u.text, key->count);
        } else {
            lua_pushinteger(L, i);
        }
        styr_nodeview_push_child(L, val, 1);
        return 2;
    }
}

static int node_pairs(lua_State *L)
{
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, node_next, 1);   /* the position lives in the closure */
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int node_eq(lua_State *L)
{
    const styr_node *a = styr_nodeview_test(L, 1), *b = styr_nodeview_test(L, 2);
    /* An alias shares its target's children: the same container. */
    lua_pushboolean(L, a && b && (a == b || (a->kind == b->kind && a->u.items == b->u.items)));
    return 1;
}

static int node_tostring(lua_State *L)
{
    const styr_node *n = self(L);
    char path[256];
    styr_node_path(n, path, sizeof path);
    styr_sandbox *sb = styr_sandbox_of(L);
    if (!sb || styr_sandbox_english(sb))
        lua_pushfstring(L, "%s %s (line %d)", n->kind == STYR_NODE_MAP ? "map" : "list", path[0] ? path : "<root>",
                        (int)n->line);
    else
        lua_pushfstring(L, "%s %s (rad %d)", n->kind == STYR_NODE_MAP ? "mappningen" : "listan",
                        path[0] ? path : "<roten>", (int)n->line);
    return 1;
}

void styr_nodeview_init(lua_State *L)
{
    static const luaL_Reg mt[] = {
        {"__index", node_index},     {"__newindex", node_newindex},
        {"__len", node_len},         {"__pairs", node_pairs},
        {"__eq", node_eq},           {"__tostring", node_tostring},
        {NULL, NULL}};
    luaL_newmetatable(L, NODE_MT);                       /* mt */
    luaL_setfuncs(L, mt, 0);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &mt_key);
    lua_pushliteral(L, "map or list of the plan");
    lua_setfield(L, -2, "__name");
    lua_pushliteral(L, "read-only");
    lua_setfield(L, -2, "__metatable");                  /* getmetatable() sees only this */
    lua_pop(L, 1);
}
