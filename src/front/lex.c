/*
 * lex.c — turns a ZIO byte stream into tokens for the parser.
 *
 * Everything here follows lua5.4 to the byte: which characters form a
 * token, how numerals are delimited before num_str2num judges them, how
 * escapes are decoded, how "\r\n" counts as one line, and the text of every
 * error message (tests compare them with lua5.4's). Character classes are
 * ASCII-only and locale-independent, as in lua5.4: bytes >= 0x80 are not
 * letters, so they reach the parser as single-character tokens.
 *
 * The token text is collected in ls->buff; messages that say "near X" show
 * the buffer as it was when the error struck (so an unfinished string shows
 * what was read of it), which is why escapes keep their backslash in the
 * buffer until they are known to be valid.
 */
#include "front/lex.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/numconv.h"
#include "gc/gc.h"
#include "vm/do.h"

#include <string.h>

static const char *const lex_token_text[] = {
#define X(name, text) text,
  LEX_TOKENS(X)
#undef X
};

/* ------------------------------------------------------------------ */
/* Character classes (ASCII, as lua5.4 without LUA_UCID)               */
/* ------------------------------------------------------------------ */

static inline int lex_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int lex_isalpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static inline int lex_isalnum(int c) { return lex_isalpha(c) || lex_isdigit(c); }
static inline int lex_isxdigit(int c) {
  return lex_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int lex_isspace(int c) {
  return c == ' ' || (c >= '\t' && c <= '\r');   /* \t \n \v \f \r */
}
static inline int lex_isprint(int c) { return c >= 32 && c < 127; }
static inline int lex_hexvalue(int c) {
  return lex_isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

void lex_init(lua_State *L) {
  int i;
  TString *env = str_newlit(L, "_ENV");
  gc_fix(L, obj2gco(env));   /* the parser looks it up in every chunk */
  for (i = 0; i < LEX_NUM_RESERVED; i++) {
    TString *ts = str_newz(L, lex_token_text[i]);
    gc_fix(L, obj2gco(ts));  /* reserved words are never collected */
    ts->extra = (lu_byte)(i + 1);
  }
}

void lex_setinput(lua_State *L, LexState *ls, ZIO *z, TString *source,
                  int firstchar) {
  ls->t.token = 0;
  ls->L = L;
  ls->current = firstchar;
  ls->lookahead.token = TK_EOS;
  ls->z = z;
  ls->fs = NULL;
  ls->linenumber = 1;
  ls->lastline = 1;
  ls->source = source;
  ls->envn = str_newlit(L, "_ENV");
  zio_resizebuffer(L, ls->buff, 32);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

const char *lex_token2str(LexState *ls, int token) {
  if (token < LEX_FIRST_TOKEN) {
    if (lex_isprint(token))
      return obj_pushfstring(ls->L, "'%c'", token);
    return obj_pushfstring(ls->L, "'<\\%d>'", token);
  }
  else {
    const char *s = lex_token_text[token - LEX_FIRST_TOKEN];
    if (token < TK_EOS)        /* reserved words and symbols are quoted */
      return obj_pushfstring(ls->L, "'%s'", s);
    return s;                  /* <eof>, <number>, ... are not */
  }
}

static void lex_save(LexState *ls, int c);

/* Names, strings and numerals are shown with the text read so far. */
static const char *lex_neartext(LexState *ls, int token) {
  switch (token) {
    case TK_NAME: case TK_STRING: case TK_FLT: case TK_INT:
      lex_save(ls, '\0');
      return obj_pushfstring(ls->L, "'%s'", zio_buffer(ls->buff));
    default:
      return lex_token2str(ls, token);
  }
}

static CR_NORETURN void lex_error(LexState *ls, const char *msg, int token) {
  char where[LUA_IDSIZE];
  obj_chunkid(where, getstr(ls->source), tsslen(ls->source));
  msg = obj_pushfstring(ls->L, "%s:%d: %s", where, ls->linenumber, msg);
  if (token)
    obj_pushfstring(ls->L, "%s near %s", msg, lex_neartext(ls, token));
  do_throw(ls->L, LUA_ERRSYNTAX);
}

void lex_syntaxerror(LexState *ls, const char *msg) {
  lex_error(ls, msg, ls->t.token);
}

/* ------------------------------------------------------------------ */
/* Buffer and input                                                    */
/* ------------------------------------------------------------------ */

#define lex_advance(ls)  ((ls)->current = zgetc((ls)->z))
#define lex_is_newline(ls) ((ls)->current == '\n' || (ls)->current == '\r')

static void lex_save(LexState *ls, int c) {
  Mbuffer *b = ls->buff;
  if (zio_bufflen(b) + 1 > zio_buffsize(b)) {
    size_t newsize;
    if (zio_buffsize(b) >= ((size_t)-1) / 4)
      lex_error(ls, "lexical element too long", 0);
    newsize = zio_buffsize(b) * 2;
    zio_resizebuffer(ls->L, b, newsize);
  }
  b->buffer[zio_bufflen(b)++] = (char)c;
}

static inline void lex_save_advance(LexState *ls) {
  lex_save(ls, ls->current);
  lex_advance(ls);
}

/* Consumes one line break: "\n", "\r", "\n\r" or "\r\n" count once. */
static void lex_newline(LexState *ls) {
  int first = ls->current;
  lex_advance(ls);
  if (lex_is_newline(ls) && ls->current != first)
    lex_advance(ls);
  if (++ls->linenumber >= INT_MAX)
    lex_error(ls, "chunk has too many lines", 0);
}

static int lex_accept(LexState *ls, int c) {
  if (ls->current == c) {
    lex_advance(ls);
    return 1;
  }
  return 0;
}

/* Saves and accepts the current character if it is one of the two in set. */
static int lex_accept_save2(LexState *ls, const char *set) {
  if (ls->current == set[0] || ls->current == set[1]) {
    lex_save_advance(ls);
    return 1;
  }
  return 0;
}

TString *lex_newstring(LexState *ls, const char *s, size_t len) {
  lua_State *L = ls->L;
  TString *ts = str_new(L, s, len);
  const TValue *old = tab_getstr(ls->h, ts);
  if (!ttisnil(old))
    return tsvalue(old);           /* the copy made first */
  else {
    /* Anchor on the stack while the table insertion may allocate. */
    TValue *slot = L->top;
    setsvalue(L, slot, ts);
    L->top++;
    tab_finishset(L, ls->h, slot, old, slot);
    gc_check(L);
    L->top--;
    return ts;
  }
}

/* ------------------------------------------------------------------ */
/* Numerals                                                            */
/* ------------------------------------------------------------------ */

/*
 * A numeral is read greedily as lua5.4 does: digits, '.', and exponent
 * marks with an optional sign, plus one touching letter to make "3x" an
 * error; num_str2num then decides whether the text is a valid integer,
 * float, or malformed (decimal integers that overflow become floats
 * there, hexadecimal ones wrap around).
 */
static int lex_numeral(LexState *ls, SemInfo *seminfo) {
  TValue value;
  const char *expo = "Ee";
  int first = ls->current;
  lex_save_advance(ls);
  if (first == '0' && lex_accept_save2(ls, "xX"))
    expo = "Pp";
  for (;;) {
    if (lex_accept_save2(ls, expo))
      lex_accept_save2(ls, "-+");
    else if (lex_isxdigit(ls->current) || ls->current == '.')
      lex_save_advance(ls);
    else
      break;
  }
  if (lex_isalpha(ls->current))
    lex_save_advance(ls);
  lex_save(ls, '\0');
  if (num_str2num(zio_buffer(ls->buff), &value) == 0)
    lex_error(ls, "malformed number", TK_FLT);
  if (ttisinteger(&value)) {
    seminfo->i = ivalue(&value);
    return TK_INT;
  }
  seminfo->r = fltvalue(&value);
  return TK_FLT;
}

/* ------------------------------------------------------------------ */
/* Long brackets                                                       */
/* ------------------------------------------------------------------ */

/*
 * Reads '[' '='* '[' (or the closing form). Returns the level + 2 when the
 * bracket is well formed, 1 for a lone bracket, 0 for '[=' without the
 * second bracket (an error where an opening bracket was expected).
 */
static size_t lex_bracket_level(LexState *ls) {
  size_t count = 0;
  int bracket = ls->current;
  lex_save_advance(ls);
  while (ls->current == '=') {
    lex_save_advance(ls);
    count++;
  }
  if (ls->current == bracket)
    return count + 2;
  return (count == 0) ? 1 : 0;
}

static void lex_longstring(LexState *ls, SemInfo *seminfo, size_t sep) {
  int startline = ls->linenumber;
  lex_save_advance(ls);              /* second '[' */
  if (lex_is_newline(ls))            /* a first newline is skipped */
    lex_newline(ls);
  for (;;) {
    switch (ls->current) {
      case ZIO_EOZ: {
        const char *what = seminfo ? "string" : "comment";
        const char *msg = obj_pushfstring(ls->L,
            "unfinished long %s (starting at line %d)", what, startline);
        lex_error(ls, msg, TK_EOS);
      }
      case ']':
        if (lex_bracket_level(ls) == sep) {
          lex_save_advance(ls);      /* second ']' */
          goto done;
        }
        break;
      case '\n': case '\r':
        lex_save(ls, '\n');          /* any line break reads as "\n" */
        lex_newline(ls);
        if (!seminfo)
          zio_resetbuffer(ls->buff); /* comments need no text */
        break;
      default:
        if (seminfo)
          lex_save_advance(ls);
        else
          lex_advance(ls);
    }
  }
done:
  if (seminfo)
    seminfo->ts = lex_newstring(ls, zio_buffer(ls->buff) + sep,
                                zio_bufflen(ls->buff) - 2 * sep);
}

/* ------------------------------------------------------------------ */
/* Short strings and escapes                                           */
/* ------------------------------------------------------------------ */

static void lex_esccheck(LexState *ls, int ok, const char *msg) {
  if (!ok) {
    if (ls->current != ZIO_EOZ)
      lex_save_advance(ls);          /* show the offending character */
    lex_error(ls, msg, TK_STRING);
  }
}

static int lex_hexdigit(LexState *ls) {
  lex_save_advance(ls);
  lex_esccheck(ls, lex_isxdigit(ls->current), "hexadecimal digit expected");
  return lex_hexvalue(ls->current);
}

static int lex_hexescape(LexState *ls) {
  int r = lex_hexdigit(ls);
  r = (r << 4) + lex_hexdigit(ls);
  zio_buffremove(ls->buff, 2);       /* the 'x' and first digit */
  return r;
}

static unsigned long lex_utf8value(LexState *ls) {
  unsigned long r;
  int saved = 4;                     /* '\', 'u', '{' and the first digit */
  lex_save_advance(ls);              /* 'u' */
  lex_esccheck(ls, ls->current == '{', "missing '{'");
  r = (unsigned long)lex_hexdigit(ls);
  for (;;) {
    lex_save_advance(ls);
    if (!lex_isxdigit(ls->current))
      break;
    saved++;
    /* Values up to 2^31 - 1 are allowed (lua5.4's extended UTF-8). */
    lex_esccheck(ls, r <= (0x7FFFFFFFu >> 4), "UTF-8 value too large");
    r = (r << 4) + (unsigned long)lex_hexvalue(ls->current);
  }
  lex_esccheck(ls, ls->current == '}', "missing '}'");
  lex_advance(ls);                   /* '}' */
  zio_buffremove(ls->buff, (size_t)saved);
  return r;
}

/* Encodes x (< 2^31) in the extended UTF-8 of lua5.4 (up to 6 bytes). */
static void lex_utf8escape(LexState *ls) {
  unsigned long x = lex_utf8value(ls);
  char out[8];
  int n = 0;
  if (x < 0x80)
    out[n++] = (char)x;
  else {
    unsigned int firstmax = 0x3f;    /* payload that still fits the lead */
    char tail[8];
    int ntail = 0;
    do {
      tail[ntail++] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      firstmax >>= 1;
    } while (x > firstmax);
    out[n++] = (char)((~firstmax << 1) | x);
    while (ntail > 0)
      out[n++] = tail[--ntail];
  }
  for (int i = 0; i < n; i++)
    lex_save(ls, out[i]);
}

static int lex_decescape(LexState *ls) {
  int i, r = 0;
  for (i = 0; i < 3 && lex_isdigit(ls->current); i++) {
    r = 10 * r + ls->current - '0';
    lex_save_advance(ls);
  }
  lex_esccheck(ls, r <= UCHAR_MAX, "decimal escape too large");
  zio_buffremove(ls->buff, (size_t)i);
  return r;
}

static void lex_string(LexState *ls, int delimiter, SemInfo *seminfo) {
  lex_save_advance(ls);              /* keep the quote for messages */
  while (ls->current != delimiter) {
    switch (ls->current) {
      case ZIO_EOZ:
        lex_error(ls, "unfinished string", TK_EOS);
      case '\n': case '\r':
        lex_error(ls, "unfinished string", TK_STRING);
      case '\\': {
        int c;
        lex_save_advance(ls);        /* keep '\' until the escape is valid */
        switch (ls->current) {
          case 'a': c = '\a'; goto consume_and_store;
          case 'b': c = '\b'; goto consume_and_store;
          case 'f': c = '\f'; goto consume_and_store;
          case 'n': c = '\n'; goto consume_and_store;
          case 'r': c = '\r'; goto consume_and_store;
          case 't': c = '\t'; goto consume_and_store;
          case 'v': c = '\v'; goto consume_and_store;
          case 'x': c = lex_hexescape(ls); goto consume_and_store;
          case 'u': lex_utf8escape(ls); goto stored;
          case '\n': case '\r':
            lex_newline(ls);
            c = '\n';
            goto store;
          case '\\': case '"': case '\'':
            c = ls->current;
            goto consume_and_store;
          case ZIO_EOZ:
            goto stored;             /* the loop reports the error */
          case 'z': {
            zio_buffremove(ls->buff, 1);   /* the '\' */
            lex_advance(ls);
            while (lex_isspace(ls->current)) {
              if (lex_is_newline(ls))
                lex_newline(ls);
              else
                lex_advance(ls);
            }
            goto stored;
          }
          default:
            lex_esccheck(ls, lex_isdigit(ls->current),
                         "invalid escape sequence");
            c = lex_decescape(ls);
            goto store;
        }
      consume_and_store:
        lex_advance(ls);
      store:
        zio_buffremove(ls->buff, 1);       /* the '\' */
        lex_save(ls, c);
      stored:
        break;
      }
      default:
        lex_save_advance(ls);
    }
  }
  lex_save_advance(ls);              /* closing quote */
  seminfo->ts = lex_newstring(ls, zio_buffer(ls->buff) + 1,
                              zio_bufflen(ls->buff) - 2);
}

/* ------------------------------------------------------------------ */
/* The scanner                                                         */
/* ------------------------------------------------------------------ */

static int lex_scan(LexState *ls, SemInfo *seminfo) {
  zio_resetbuffer(ls->buff);
  for (;;) {
    switch (ls->current) {
      case '\n': case '\r':
        lex_newline(ls);
        break;
      case ' ': case '\f': case '\t': case '\v':
        lex_advance(ls);
        break;
      case '-': {
        lex_advance(ls);
        if (ls->current != '-')
          return '-';
        lex_advance(ls);             /* a comment */
        if (ls->current == '[') {
          size_t sep = lex_bracket_level(ls);
          zio_resetbuffer(ls->buff);
          if (sep >= 2) {
            lex_longstring(ls, NULL, sep);
            zio_resetbuffer(ls->buff);
            break;
          }
        }
        while (!lex_is_newline(ls) && ls->current != ZIO_EOZ)
          lex_advance(ls);           /* a short comment */
        break;
      }
      case '[': {
        size_t sep = lex_bracket_level(ls);
        if (sep >= 2) {
          lex_longstring(ls, seminfo, sep);
          return TK_STRING;
        }
        if (sep == 0)
          lex_error(ls, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=':
        lex_advance(ls);
        return lex_accept(ls, '=') ? TK_EQ : '=';
      case '<':
        lex_advance(ls);
        if (lex_accept(ls, '=')) return TK_LE;
        if (lex_accept(ls, '<')) return TK_SHL;
        return '<';
      case '>':
        lex_advance(ls);
        if (lex_accept(ls, '=')) return TK_GE;
        if (lex_accept(ls, '>')) return TK_SHR;
        return '>';
      case '/':
        lex_advance(ls);
        return lex_accept(ls, '/') ? TK_IDIV : '/';
      case '~':
        lex_advance(ls);
        return lex_accept(ls, '=') ? TK_NE : '~';
      case ':':
        lex_advance(ls);
        return lex_accept(ls, ':') ? TK_DBCOLON : ':';
      case '"': case '\'':
        lex_string(ls, ls->current, seminfo);
        return TK_STRING;
      case '.':
        lex_save_advance(ls);
        if (lex_accept(ls, '.'))
          return lex_accept(ls, '.') ? TK_DOTS : TK_CONCAT;
        if (!lex_isdigit(ls->current))
          return '.';
        return lex_numeral(ls, seminfo);
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return lex_numeral(ls, seminfo);
      case ZIO_EOZ:
        return TK_EOS;
      default:
        if (lex_isalpha(ls->current)) {
          TString *ts;
          do {
            lex_save_advance(ls);
          } while (lex_isalnum(ls->current));
          ts = lex_newstring(ls, zio_buffer(ls->buff), zio_bufflen(ls->buff));
          seminfo->ts = ts;
          if (ts->tt == VT_SHRSTR && ts->extra > 0)
            return ts->extra - 1 + LEX_FIRST_TOKEN;
          return TK_NAME;
        }
        else {
          int c = ls->current;       /* any other byte is its own token */
          lex_advance(ls);
          return c;
        }
    }
  }
}

void lex_next(LexState *ls) {
  ls->lastline = ls->linenumber;
  if (ls->lookahead.token != TK_EOS) {
    ls->t = ls->lookahead;
    ls->lookahead.token = TK_EOS;
  }
  else
    ls->t.token = lex_scan(ls, &ls->t.seminfo);
}

int lex_lookahead(LexState *ls) {
  cr_assert(ls->lookahead.token == TK_EOS, "one token of look-ahead");
  ls->lookahead.token = lex_scan(ls, &ls->lookahead.seminfo);
  return ls->lookahead.token;
}
