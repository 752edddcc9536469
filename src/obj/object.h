/*
 * object.h — the layouts of every collectable object and of the VM state.
 *
 * These structs are the contract between the front end, the interpreter,
 * the collector, the C API and (later) compiled code, which reads fields at
 * fixed offsets. Each module owns the code that builds and changes its
 * objects (str_*, tab_*, shape_*, func_*, state_*); others read fields only
 * where this header says they may.
 */
#ifndef CRESCENT_OBJECT_H
#define CRESCENT_OBJECT_H

#include "obj/value.h"
#include "vm/ops.h"

/* ------------------------------------------------------------------ */
/* GC header                                                           */
/* ------------------------------------------------------------------ */

/* next: the collector's list of all objects (or a gray/fixed list);
 * tt: the object's VT_* tag; marked: colour and age bits (gc/ owns them). */
#define GC_HEADER struct GCObject *next; lu_byte tt; lu_byte marked

struct GCObject { GC_HEADER; };

#define obj2gco(v) ((GCObject *)(v))

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

/* Short strings (len <= CR_MAX_SHORT_LEN) are interned in the global string
 * table, so equal short strings are the same object and compare by pointer.
 * Long strings are created fresh and hashed lazily. Contents always end in
 * '\0' (not counted in len) so C code can use them directly. */
typedef struct TString {
  GC_HEADER;
  lu_byte extra;        /* short: reserved-word index+1 (0 = not reserved);
                           long: 1 once hash has been computed */
  lu_byte spare;
  uint32_t hash;
  size_t len;
  struct TString *hnext; /* chain in the string table (short strings) */
  char contents[];
} TString;

#define getstr(ts)  ((ts)->contents)
#define tsslen(ts)  ((ts)->len)
#define svalue(o)   getstr(tsvalue(o))
#define vslen(o)    tsslen(tsvalue(o))

/* ------------------------------------------------------------------ */
/* Tables and shapes                                                   */
/* ------------------------------------------------------------------ */

/*
 * A table has three parts (DESIGN.md, decision 4):
 *  - array: values for keys 1..asize;
 *  - shaped fields: values for short-string keys, at slot indices given by
 *    the table's shape (a hidden class in a transition tree), so an inline
 *    cache that has seen the shape reads `slots[index]` with no hashing;
 *  - node: a hash part for every other key (and for short-string keys too
 *    once the table is in dictionary mode: shape == NULL).
 * A key present with value nil counts as absent (Lua's rule for next and
 * __newindex). tab.c / shape.c own all of this.
 */
typedef struct Shape Shape;   /* defined in obj/shape.h */
typedef struct Node Node;     /* defined in obj/tab.h */

typedef struct Table {
  GC_HEADER;
  lu_byte tmcache;      /* bit (1<<e) set = metamethod e known absent
                           (for the first events of TMS; see vm/tm.h) */
  lu_byte lsizenode;    /* log2 of the node array size */
  uint32_t asize;       /* array part: keys 1..asize */
  TValue *array;
  Shape *shape;         /* NULL: dictionary mode (strings live in node) */
  TValue *slots;        /* values of shaped fields; capacity is shape-owned */
  uint16_t slotcap;     /* allocated length of slots (<= SHAPE_MAX_KEYS) */
  uint16_t ninline;     /* TValues allocated right after the Table, in its
                           own block (tab.c: inline parts) */
  uint32_t alimit;      /* border hint for `#` (tab.c), <= asize: lua5.4's
                           alimit, so `#` of tables with holes matches */
  Node *node;           /* hash part (its block also holds the free-slot
                           hint: see tab.c) */
  struct Table *metatable;
  GCObject *gclist;
} Table;

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

/* Description of an upvalue of a prototype (set by the code generator). */
typedef struct Upvaldesc {
  TString *name;        /* for debug information */
  lu_byte instack;      /* 1: captures a register of the enclosing function */
  lu_byte idx;          /* register or upvalue index in the enclosing function */
  lu_byte kind;         /* VDKREG, RDKCONST, RDKTOCLOSE ... (front/ owns) */
} Upvaldesc;

/* Description of a local variable (for debug information). */
typedef struct LocVar {
  TString *varname;
  int startpc;          /* first pc where the variable is active */
  int endpc;            /* first pc where it is dead */
} LocVar;

/* Line information: lineinfo[pc] is the line delta from the previous
 * instruction (signed byte); abslineinfo holds absolute anchors every so
 * often or when a delta does not fit, as lua5.4 does, so getting the line of
 * a pc is O(small). front/ writes it, vm/debuginfo reads it. */
#define ABSLINEINFO (-0x80)
typedef struct AbsLineInfo { int pc; int line; } AbsLineInfo;

/* ---- Feedback (DESIGN.md, decision 6) ----
 * Each op row in vm/ops.h names the kind of feedback slot it uses; the code
 * generator numbers those slots and stores the number in the instruction's
 * F field. The slot kind is derived from the op, never stored. */
#define IC_STATES(X) X(UNINIT) X(MONO) X(POLY) X(MEGA)
enum ICState {
#define X(s) IC_##s,
  IC_STATES(X)
#undef X
  IC_NSTATES
};
#define IC_MAX_POLY 4

/* Field access cache: shapes seen and the slot index each maps the key to.
 * Holders: GETTABUP/GETFIELD/SETTABUP/SETFIELD/SELF. The shapes are kept
 * alive by the prototype (the collector marks them). */
typedef struct FieldIC {
  lu_byte state;        /* enum ICState */
  lu_byte count;        /* pairs used (<= IC_MAX_POLY) */
  lu_byte aux;          /* vm/ may use (e.g. entry kind: own field / via __index) */
  lu_byte spare;
  uint32_t index[IC_MAX_POLY];
  Shape *shape[IC_MAX_POLY];
} FieldIC;

/* A lookup through __index tables remembered for field sites that cannot
 * hold it themselves (megamorphic ones): vm/feedback.c. It is not marked by
 * the collector; it is valid while g->shape_epoch, bumped whenever a shape
 * is freed, has not moved, so its shapes (and the key, held by the last
 * one) are alive. */
typedef struct FieldChain {
  TString *key;
  uint64_t epoch;       /* 64 bits: never wraps around */
  FieldIC chain;        /* pair 0: the object's shape */
} FieldChain;
#define FIELD_CHAINS 128  /* 2-way set-associative; a power of 2 */

/* Type profile: one bit per kind of operand seen (TP_* in vm/feedback.h). */
typedef struct TypeProfile { uint16_t seen; } TypeProfile;

/* Call-target cache: the callee last seen and whether it was always it. */
typedef struct CallIC {
  lu_byte state;        /* enum ICState (MONO/MEGA only) */
  GCObject *target;     /* closure or NULL (light C functions: not cached) */
} CallIC;

typedef union FeedbackSlot {
  FieldIC field;
  TypeProfile types;
  CallIC call;
} FeedbackSlot;

typedef struct Proto {
  GC_HEADER;
  lu_byte numparams;
  lu_byte is_vararg;
  lu_byte maxstacksize;  /* registers needed */
  int sizeupvalues;
  int sizek;
  int sizecode;
  int sizelineinfo;
  int sizep;
  int sizelocvars;
  int sizeabslineinfo;
  int nfeedback;         /* number of feedback slots */
  int linedefined;
  int lastlinedefined;
  TValue *k;             /* constants */
  Instruction *code;
  struct Proto **p;      /* nested functions */
  Upvaldesc *upvalues;
  signed char *lineinfo;
  AbsLineInfo *abslineinfo;
  LocVar *locvars;
  TString *source;       /* chunk name ("@file", "=stdin", or source text) */
  FeedbackSlot *feedback;
  int32_t hotness;       /* counts down at entry and loop back-edges */
  lu_byte tier;          /* 0 = interpreted; later tiers set by jit/ */
  void *jitcode;         /* compiled entry, owned by jit/ (NULL for now) */
  GCObject *gclist;
} Proto;

/* An upvalue: open (points into a thread's stack, linked in the thread's
 * open list, sorted by level) or closed (holds its own value). */
typedef struct UpVal {
  GC_HEADER;
  lu_byte tbc;           /* unused by Lua upvalues; kept for alignment */
  TValue *v;             /* points to stack slot or to u.value */
  union {
    struct { struct UpVal *next; struct UpVal **previous; } open;
    TValue value;
  } u;
} UpVal;

#define upisopen(up) ((up)->v != &(up)->u.value)

typedef struct CClosure {
  GC_HEADER;
  lu_byte nupvalues;
  GCObject *gclist;
  lua_CFunction f;
  TValue upvalue[];
} CClosure;

typedef struct LClosure {
  GC_HEADER;
  lu_byte nupvalues;
  GCObject *gclist;
  Proto *p;
  UpVal *upvals[];
} LClosure;

/* ------------------------------------------------------------------ */
/* Userdata                                                            */
/* ------------------------------------------------------------------ */

typedef struct Udata {
  GC_HEADER;
  unsigned short nuvalue; /* number of user values */
  size_t len;             /* size of the block */
  struct Table *metatable;
  GCObject *gclist;
  TValue uv[];            /* user values; the block follows, aligned */
} Udata;

/* The user block starts after the user values, aligned to 16 bytes so that
 * any C type fits (as malloc's alignment). */
#define udata_memoffset(nuv) \
  ((offsetof(Udata, uv) + sizeof(TValue) * (nuv) + 15) & ~(size_t)15)
#define getudatamem(u)  ((char *)(u) + udata_memoffset((u)->nuvalue))
#define udata_size(nuv, nb) (udata_memoffset(nuv) + (nb))

/* ------------------------------------------------------------------ */
/* Call frames                                                         */
/* ------------------------------------------------------------------ */

/* callstatus bits: X(NAME, meaning) */
#define CALL_STATUS_BITS(X)                                             \
  X(C,         "call is running a C function")                          \
  X(FRESH,     "call is on a fresh interpreter entry (return exits it)") \
  X(HOOKED,    "call is running a debug hook")                          \
  X(YPCALL,    "a yieldable protected call (pcallk)")                   \
  X(TAIL,      "call was tail called")                                  \
  X(HOOKYIELD, "last hook called yielded")                              \
  X(FIN,       "function called a finalizer")                           \
  X(TRAN,      "ci has transfer information (ftransfer/ntransfer)")     \
  X(CLSRET,    "function is closing tbc variables on return")           \
  X(ALLOWHOOK, "saved allowhook value (for errors in hooks)")

enum CallStatusBit {
#define X(name, doc) CIST_BIT_##name,
  CALL_STATUS_BITS(X)
#undef X
};
#define X(name, doc) static const unsigned short CIST_##name = 1u << CIST_BIT_##name;
CALL_STATUS_BITS(X)
#undef X

typedef struct CallInfo {
  StkId func;              /* the called value; args start at func+1 */
  StkId top;               /* top for this function */
  struct CallInfo *previous, *next;
  union {
    struct {               /* Lua functions */
      const Instruction *savedpc;
      volatile sig_atomic_t trap;  /* hooks or stack moves: re-read base */
      int nextraargs;      /* extra arguments of a vararg function */
      const void *jitret;  /* compiled code: where a call made here returns
                              (valid when the callee has JIT_CIST_RET) */
    } l;
    struct {               /* C functions */
      lua_KFunction k;     /* continuation after a yield */
      ptrdiff_t old_errfunc;
      lua_KContext ctx;
    } c;
  } u;
  union {
    int funcidx;           /* pcall: saved function index */
    int nyield;            /* yields: number of values yielded */
    int nres;              /* closing tbc on return: number of results */
    struct { unsigned short ftransfer, ntransfer; } transferinfo;
  } u2;
  short nresults;          /* expected results (LUA_MULTRET = -1) */
  unsigned short callstatus;
} CallInfo;

#define isLua(ci)   (!((ci)->callstatus & CIST_C))

/* ------------------------------------------------------------------ */
/* Threads and the global state                                        */
/* ------------------------------------------------------------------ */

struct lua_longjmp;      /* defined by vm/ (error recovery point) */

struct lua_State {
  GC_HEADER;
  lu_byte status;          /* LUA_OK, LUA_YIELD or an error status */
  lu_byte allowhook;
  unsigned short nci;      /* number of CallInfos in the list */
  StkId top;               /* first free slot */
  struct global_State *l_G;
  CallInfo *ci;            /* running call */
  StkId stack_last;        /* end of stack (last usable slot + 1 - EXTRA) */
  StkId stack;             /* stack base */
  UpVal *openupval;        /* open upvalues, highest level first */
  StkId tbclist;           /* last to-be-closed variable (vm/ defines how) */
  GCObject *gclist;
  struct lua_State *twups; /* threads with open upvalues */
  struct lua_longjmp *errorJmp;
  CallInfo base_ci;        /* the C call that started the thread */
  volatile lua_Hook hook;
  ptrdiff_t errfunc;       /* current message handler (stack offset) */
  uint32_t nCcalls;        /* nested C calls + non-yieldable calls << 16 */
  int oldpc;               /* last pc traced (line hooks) */
  int basehookcount;
  int hookcount;
  volatile sig_atomic_t hookmask;
};

/* Metamethod events: defined once in vm/tm.h (TM_EVENTS). */
#define TM_COUNT_MAX 32

typedef struct stringtable {
  TString **hash;
  int nuse;
  int size;
} stringtable;

typedef struct global_State {
  lua_Alloc frealloc;
  void *ud;
  l_mem totalbytes;        /* bytes allocated + debt */
  l_mem GCdebt;            /* bytes not yet paid for by the collector */
  lu_mem GCestimate;       /* live data after the last cycle */
  lu_mem lastatomic;       /* generational mode: work of the last major
                              collection when it was a bad one (0: none) */
  stringtable strt;
  TValue l_registry;
  TValue nilvalue;         /* a nil whose tag also says "state is complete" */
  unsigned int seed;       /* hash seed */
  lu_byte currentwhite;
  lu_byte gcstate;
  lu_byte gckind;          /* incremental or generational */
  lu_byte gcstopem;        /* stop emergency collections */
  lu_byte gcstp;           /* collector stopped (user or internal) */
  lu_byte gcemergency;
  lu_byte gcpause;
  lu_byte gcstepmul;
  lu_byte gcstepsize;
  lu_byte genminormul;
  lu_byte genmajormul;
  lu_byte gcstress;        /* stress builds only: GC_STRESS_* mode (gc.h) */
  lu_byte gcremark;        /* rounds of the REMARK state in this cycle */
  GCObject *allgc;         /* all collectable objects */
  GCObject **sweepgc;
  GCObject *finobj;        /* objects with finalizers */
  GCObject *gray;
  GCObject *grayagain;
  GCObject *weak;
  GCObject *ephemeron;
  GCObject *allweak;
  GCObject *tobefnz;
  GCObject *fixedgc;       /* never collected (reserved words, ...) */
  GCObject *survival, *old1, *reallyold, *firstold1; /* generational */
  GCObject *finobjsur, *finobjold1, *finobjrold;
  struct lua_State *twups;
  lua_CFunction panic;
  struct lua_State *mainthread;
  TString *memerrmsg;      /* preallocated "not enough memory" */
  TString *tmname[TM_COUNT_MAX]; /* metamethod names ("__index", ...) */
  struct Table *mt[LUA_NUMTYPES]; /* metatables of basic types */
  TString *strcache[53][2];/* cache for lua_pushstring of C strings */
  lua_WarnFunction warnf;
  void *ud_warn;
  Shape *root_shape;       /* empty shape: root of the transition tree */
  struct EngineOptions *options; /* --trace-ic etc. (vm/options.h) */
  uint64_t shape_epoch;    /* shapes freed so far (obj/shape.c) */
  FieldChain chains[FIELD_CHAINS]; /* vm/feedback.c */
  lu_mem shape_births;     /* shapes created so far (obj/shape.c) */
  lu_mem shape_birthsat[2];/* shape_births at the last two atomic phases,
                              [0] the newest (gc_mark.c) */
} global_State;

#define G(L) ((L)->l_G)

#endif
