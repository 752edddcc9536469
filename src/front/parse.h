/*
 * parse.h — the parser's data structures, shared by the parser files
 * (parse*.c) and the code generator (code*.c), and the entry point
 * parse_chunk used by the protected parser in vm/do.c.
 *
 * The compiler is one pass: the recursive-descent parser calls the code
 * generator as it goes, describing each partly-compiled expression with an
 * ExpDesc so that code for it is emitted only once its use is known
 * (a local read is a register, a global read becomes GETTABUP only when
 * needed, "a.b = v" becomes SETFIELD, constants fold before they reach
 * registers). Register allocation is a stack: freereg is the first free
 * register and every temporary is released in LIFO order.
 */
#ifndef CRESCENT_PARSE_H
#define CRESCENT_PARSE_H

#include "obj/object.h"
#include "front/lex.h"
#include "front/zio.h"

/* ------------------------------------------------------------------ */
/* Expression descriptors                                              */
/* ------------------------------------------------------------------ */

/* X(NAME, meaning of the payload). Order is load-bearing: the variable
 * kinds LOCAL..INDEXSTR are contiguous, as are the indexed kinds, and the
 * constant kinds NIL..KSTR. */
#define EXP_KINDS(X)                                                        \
  X(VOID,     "no value (empty list or end of list)")                       \
  X(NIL,      "constant nil")                                               \
  X(TRUE,     "constant true")                                              \
  X(FALSE,    "constant false")                                             \
  X(K,        "constant in k; info = index")                                \
  X(KFLT,     "float constant; nval")                                       \
  X(KINT,     "integer constant; ival")                                     \
  X(KSTR,     "string constant; strval")                                    \
  X(NONRELOC, "value in a fixed register; info = register")                 \
  X(LOCAL,    "local variable; var.ridx = register, var.vidx = index")      \
  X(UPVAL,    "upvalue; info = index")                                      \
  X(CONST,    "compile-time <const>; info = absolute index in actvar")      \
  X(INDEXED,  "t[k]; ind.t = table register, ind.idx = key register")       \
  X(INDEXUP,  "upvalue[k]; ind.t = upvalue, ind.idx = key constant")        \
  X(INDEXI,   "t[i]; ind.t = table register, ind.idx = integer key")        \
  X(INDEXSTR, "t.name; ind.t = table register, ind.idx = key constant")     \
  X(JMP,      "a test; info = pc of its jump")                              \
  X(RELOC,    "result can go to any register; info = pc of instruction")    \
  X(CALL,     "function call; info = pc of CALL")                           \
  X(VARARG,   "vararg expression; info = pc of VARARG")

typedef enum ExpKind {
#define X(name, doc) EXP_##name,
  EXP_KINDS(X)
#undef X
} ExpKind;

#define exp_isvar(k)     (EXP_LOCAL <= (k) && (k) <= EXP_INDEXSTR)
#define exp_isindexed(k) (EXP_INDEXED <= (k) && (k) <= EXP_INDEXSTR)
#define exp_hasmultret(k) ((k) == EXP_CALL || (k) == EXP_VARARG)

typedef struct ExpDesc {
  ExpKind k;
  union {
    lua_Integer ival;
    lua_Number nval;
    TString *strval;
    int info;
    struct { short idx; lu_byte t; } ind;
    struct { lu_byte ridx; unsigned short vidx; } var;
  } u;
  int t;                 /* jumps taken when the expression is true */
  int f;                 /* jumps taken when the expression is false */
} ExpDesc;

/* End of a jump list (and an unpatched jump's target). */
#define NO_JUMP (-1)
/* TESTSET destination meaning "no register wanted yet". */
#define NO_REG  MAXARG_A

/* ------------------------------------------------------------------ */
/* Variables, labels, blocks                                           */
/* ------------------------------------------------------------------ */

/* Kinds of local variables (also Upvaldesc.kind). */
#define VAR_KINDS(X)                                                 \
  X(VDKREG,     "regular variable")                                  \
  X(RDKCONST,   "<const> kept in a register (value not constant)")   \
  X(RDKTOCLOSE, "<close> variable")                                  \
  X(RDKCTC,     "<const> with a compile-time value (no register)")

enum VarKind {
#define X(name, doc) name,
  VAR_KINDS(X)
#undef X
};

typedef struct Vardesc {
  TValue k;              /* value of a compile-time constant (RDKCTC) */
  lu_byte kind;          /* enum VarKind */
  lu_byte ridx;          /* register holding the variable */
  short pidx;            /* index in Proto.locvars */
  TString *name;
} Vardesc;

/* A pending goto or a visible label. */
typedef struct Labeldesc {
  TString *name;
  int pc;                /* goto: its JMP; label: its position */
  int line;
  lu_byte nactvar;       /* active locals at that position */
  lu_byte close;         /* goto leaves a scope with captured locals */
} Labeldesc;

typedef struct Labellist {
  Labeldesc *arr;
  int n;
  int size;
} Labellist;

/* Per-compilation arrays shared by all nested functions. Owned by the
 * caller of parse_chunk (vm/do.c), which frees them with
 * parse_freedyndata even when parsing throws. */
typedef struct Dyndata {
  struct {
    Vardesc *arr;
    int n;
    int size;
  } actvar;              /* active locals of all open functions */
  Labellist gt;          /* pending gotos */
  Labellist label;       /* visible labels */
} Dyndata;

typedef struct BlockCnt {
  struct BlockCnt *previous;
  int firstlabel;        /* index of first label of this block */
  int firstgoto;         /* index of first pending goto of this block */
  lu_byte nactvar;       /* active locals outside the block */
  lu_byte upval;         /* some local of the block is captured */
  lu_byte isloop;        /* 'break' can target this block */
  lu_byte insidetbc;     /* inside the scope of a <close> variable */
} BlockCnt;

typedef struct FuncState {
  Proto *f;
  struct FuncState *prev; /* enclosing function */
  LexState *ls;
  BlockCnt *bl;          /* innermost block */
  int pc;                /* next instruction */
  int lasttarget;        /* pc of the last jump target */
  int previousline;      /* line of the last saved lineinfo */
  int nk;                /* constants in use */
  int np;                /* nested prototypes in use */
  int nabslineinfo;      /* abslineinfo entries in use */
  int firstlocal;        /* index of this function's first local in actvar */
  int firstlabel;        /* index of this function's first label */
  short ndebugvars;      /* locvars in use */
  lu_byte nactvar;       /* active locals */
  lu_byte nups;          /* upvalues */
  lu_byte freereg;       /* first free register */
  lu_byte iwthabs;       /* instructions since the last absolute line */
  lu_byte needclose;     /* returns must close upvalues / tbc variables */
} FuncState;

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

/* Compiles a chunk. The new closure is left on the stack (anchored) and
 * returned; it has one upvalue slot (_ENV) that the caller initialises. */
LClosure *parse_chunk(lua_State *L, ZIO *z, Mbuffer *buff, Dyndata *dyd,
                      const char *name, int firstchar);
void parse_initdyndata(Dyndata *dyd);
void parse_freedyndata(lua_State *L, Dyndata *dyd);

/* ---- shared between parse*.c and code*.c ---- */

/* Registers in use by active locals (the first register a temporary can
 * take once every temporary is released). */
int parse_nvarstack(FuncState *fs);
/* Raises a syntax error without "near <token>" (semantic errors). */
CR_NORETURN void parse_semerror(LexState *ls, const char *msg);

#endif
