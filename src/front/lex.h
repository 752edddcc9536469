/*
 * lex.h — the lexer: tokens, the lexer state shared with the parser, and
 * lua5.4's exact error messages ("file:line: msg near 'token'").
 *
 * Single-character tokens are their own character code; every other token
 * is a TK_* value above 256. Reserved words come first in LEX_TOKENS, in
 * alphabetical order, because a reserved word's TString carries
 * extra = (its index in the table) + 1, which is how the lexer recognises
 * a reserved word with one field test.
 */
#ifndef CRESCENT_LEX_H
#define CRESCENT_LEX_H

#include "obj/object.h"
#include "front/zio.h"

/* X(NAME, text): reserved words, then symbols, then the classes whose text
 * is printed bare in messages (from EOS on). Order is load-bearing. */
#define LEX_TOKENS(X)                                                      \
  X(AND, "and") X(BREAK, "break") X(DO, "do") X(ELSE, "else")              \
  X(ELSEIF, "elseif") X(END, "end") X(FALSE, "false") X(FOR, "for")        \
  X(FUNCTION, "function") X(GOTO, "goto") X(IF, "if") X(IN, "in")          \
  X(LOCAL, "local") X(NIL, "nil") X(NOT, "not") X(OR, "or")                \
  X(REPEAT, "repeat") X(RETURN, "return") X(THEN, "then") X(TRUE, "true")  \
  X(UNTIL, "until") X(WHILE, "while")                                      \
  X(IDIV, "//") X(CONCAT, "..") X(DOTS, "...") X(EQ, "==") X(GE, ">=")     \
  X(LE, "<=") X(NE, "~=") X(SHL, "<<") X(SHR, ">>") X(DBCOLON, "::")       \
  X(EOS, "<eof>") X(FLT, "<number>") X(INT, "<integer>")                   \
  X(NAME, "<name>") X(STRING, "<string>")

#define LEX_FIRST_TOKEN 257   /* above every byte value */

enum LexToken {
  TK_BEFORE_FIRST_ = LEX_FIRST_TOKEN - 1,
#define X(name, text) TK_##name,
  LEX_TOKENS(X)
#undef X
  TK_AFTER_LAST_
};

#define LEX_NUM_RESERVED (TK_WHILE - LEX_FIRST_TOKEN + 1)
_Static_assert(LEX_NUM_RESERVED == 22, "reserved words come first");
_Static_assert(LEX_NUM_RESERVED < 256, "reserved index fits TString.extra");

typedef union SemInfo {
  lua_Number r;
  lua_Integer i;
  TString *ts;
} SemInfo;

typedef struct Token {
  int token;
  SemInfo seminfo;
} Token;

struct FuncState;
struct Dyndata;

typedef struct LexState {
  int current;           /* current character (as int; ZIO_EOZ at end) */
  int linenumber;        /* line of the current character */
  int lastline;          /* line of the last token consumed */
  Token t;               /* current token */
  Token lookahead;       /* one token of look-ahead (TK_EOS if none) */
  struct FuncState *fs;  /* function being compiled */
  lua_State *L;
  ZIO *z;
  Mbuffer *buff;         /* token text */
  Table *h;              /* anchors every string the lexer made: s -> s */
  Table *kcache;         /* constant -> index in some function's k */
  struct Dyndata *dyd;   /* locals, gotos and labels of all open functions */
  TString *source;       /* chunk name */
  TString *envn;         /* "_ENV" */
} LexState;

/* Creates the fixed strings the lexer needs (reserved words, "_ENV"). */
void lex_init(lua_State *L);
void lex_setinput(lua_State *L, LexState *ls, ZIO *z, TString *source,
                  int firstchar);
/* Interns s and anchors it for the rest of the compilation; equal long
 * strings come back as the same object, so constants compare by pointer. */
TString *lex_newstring(LexState *ls, const char *s, size_t len);
void lex_next(LexState *ls);
int lex_lookahead(LexState *ls);
CR_NORETURN void lex_syntaxerror(LexState *ls, const char *msg);
/* The token as it is shown in messages ("'end'", "<eof>", "'<\1>'"). */
const char *lex_token2str(LexState *ls, int token);

#endif
