/*
 * strpat.c - Lua patterns and the functions built on them: string.find,
 * string.match, string.gmatch and string.gsub.
 *
 * The matcher is a backtracking interpreter over the pattern text, as Lua
 * patterns are defined by it: a single-character class may be followed by
 * '*', '+', '-' or '?', and the special items are captures '(' ')',
 * position captures '()', back-references '%1'..'%9', balances '%bxy',
 * frontiers '%f[set]' and the anchors '^' (only at the start, handled by
 * the callers) and '$' (only at the end).
 *
 * Recursion happens exactly where lua5.4 recurses (captures, '?', and each
 * attempt of the repetitions), and the depth is limited to 200 calls, so
 * "pattern too complex" appears for the same patterns as in lua5.4.
 * Everything else (a plain character, '%b', '%f', back-references) loops.
 *
 * Work the matcher would do in vain is skipped, never work with an effect:
 * the search loops (find, match, gmatch, gsub) know what every match must
 * start with (strpat_findfirst: a byte, a class, a set or a frontier) and
 * jump over whole runs of positions where it cannot (gsub copies them in
 * one piece); a repetition knows the class the rest of the pattern must
 * start with (strpat_lead, cached per pattern position) and tries the rest
 * only where that class matches. Errors and "pattern too complex" still
 * come where, and only where, the matcher would raise them.
 */
#include <ctype.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/strlib.h"

/* Nesting limit of the matcher's recursion (lua5.4's MAXCCALLS). */
#define STRPAT_MAX_DEPTH 200

/* At most 32 captures, like lua5.4 (LUA_MAXCAPTURES). */
#define STRPAT_MAX_CAPTURES 32

#define STRPAT_ESC '%'

/* strpat_lead's answers kept per search (a power of two: the slot is
   picked by the low bits of the pattern position). */
#define STRPAT_LEAD_SLOTS 4

/*
 * The C library's classification of bytes, as the locale has it when a
 * search starts (strpat_State.ctype). With glibc that is the table its
 * <ctype.h> macros read through a call to __ctype_b_loc() on every
 * byte: the matcher reads the table pointer once per search instead, and
 * again after any Lua code has run in the middle of one (that code might
 * change the locale). Elsewhere the functions are called as they are.
 */
#if defined(__GLIBC__)
typedef const unsigned short *strpat_Ctype;
#define strpat_ctype_now() (*__ctype_b_loc())
#define strpat_is(ct, c, name) \
  (((ct)[(c)] & (unsigned short)_IS##name) != 0)
#else
typedef int strpat_Ctype;
#define strpat_ctype_now() 0
#define strpat_is(ct, c, name) ((void)(ct), is##name(c))
#endif

/* The class letters the C library answers, by the name of its <ctype.h>
   test ("%d" and "%z" are tested here: see strpat_inclass). */
#define STRPAT_CTYPE_CLASSES(X) \
  X('a', alpha) X('c', cntrl) X('g', graph) X('l', lower) X('p', punct) \
  X('s', space) X('u', upper) X('w', alnum) X('x', xdigit)

/* Capture lengths that are not lengths. */
#define STRPAT_CAP_OPEN (-1)      /* '(' seen, ')' not yet */
#define STRPAT_CAP_POSITION (-2)  /* '()' records a position */

typedef struct strpat_Capture {
  const char *start;
  ptrdiff_t len;  /* or STRPAT_CAP_OPEN / STRPAT_CAP_POSITION */
} strpat_Capture;

typedef struct strpat_State {
  strpat_Ctype ctype;       /* the locale's byte classes (see above) */
  const char *subject;      /* whole subject string */
  const char *subject_end;  /* its end (a '\0' is always stored there) */
  const char *pat_end;
  lua_State *L;
  int depth_left;           /* recursion budget */
  int ncaptures;
  /* What every match must start with, when the pattern says (strpat_init):
     lets the search loops skip hopeless positions without entering the
     matcher, and skip whole runs of them at once (strpat_skip). The kind
     is one of STRPAT_FIRST_KINDS; first_class..first_class_end is the
     class or the frontier's set, first_arg the byte or class letter. */
  int first_kind;
  int first_arg;
  const char *first_class;
  const char *first_class_end;
  /* For a set (or a frontier's set) over a long subject: the set's bytes
     as a bitmap (strpat_setbits), so the search loops test a bit instead
     of walking the set. A set with a class ("%a") is tabulated from the C
     library's classes as they are when the search starts, so the bitmap
     is dropped (strpat_locale_changeable) before any Lua code runs in the
     middle of the search: that code might change the locale. */
  int first_bits_ok;
  int first_bits_locale;  /* it came from the locale's classes */
  /* With glibc, the set's classes stay classes (strpat_setbits): a byte
     is in the set when its bit is set, or its ctype entry has a bit of
     first_pos, or lacks every bit of first_neg (one complemented class
     such as "%S"); first_invert then applies the set's '^'. Both masks
     0: the bitmap alone answers, with the '^' folded in. Read through
     ms->ctype, they follow the locale as the matcher does. */
  unsigned short first_pos, first_neg;
  int first_invert;
  /* The first class is repeated with '+' and the pattern has no
     back-reference: a search that fails at s fails at every later
     position of the class's run from s too (strpat_runend). */
  int first_run;
  unsigned char first_bits[32];
  /* strpat_lead's answers, by the pattern position asked about: the
     answer depends on the pattern alone (the captures open at a position
     are those whose '(' precede it), except for the depth check. */
  struct {
    const char *rest;      /* the position asked about; NULL: unused */
    const char *lead;      /* the class found there, and its end */
    const char *lead_end;  /* (NULL: none) */
    int depth;             /* matcher levels entered before the class */
    int kind, arg;         /* the class as strpat_kindof gives it */
  } lead_cache[STRPAT_LEAD_SLOTS];
  strpat_Capture capture[STRPAT_MAX_CAPTURES];
} strpat_State;

/* What a match must start with (strpat_State.first_kind). */
#define STRPAT_FIRST_KINDS(X) \
  X(STRPAT_FIRST_NONE)     /* nothing known */ \
  X(STRPAT_FIRST_ANY)      /* '.': any byte */ \
  X(STRPAT_FIRST_CHAR)     /* the byte first_arg */ \
  X(STRPAT_FIRST_CLASS)    /* a byte of class letter first_arg ("%a") */ \
  X(STRPAT_FIRST_SET)      /* a byte of the set "[...]" */ \
  X(STRPAT_FIRST_FRONTIER) /* a frontier "%f[...]" */
#define STRPAT_FIRST_ENUM(id) id,
enum { STRPAT_FIRST_KINDS(STRPAT_FIRST_ENUM) };

static const char *strpat_do(strpat_State *ms, const char *s, const char *p);


/* ===================================================================
 * Character classes
 * =================================================================== */

/* Does byte c belong to class letter 'cl' ("%a", "%D", "%.")?  The class
   letter is matched as ASCII (an upper-case letter means the complement);
   membership itself asks the C library, so it follows the locale. */
static inline __attribute__((always_inline))
int strpat_inclass(strpat_Ctype ct, int c, int cl)
{
  int member;
  switch (cl) {
#define STRPAT_MEMBER(letter, name) \
  case letter: case letter - 0x20: member = strpat_is(ct, c, name); break;
  STRPAT_CTYPE_CLASSES(STRPAT_MEMBER)
#undef STRPAT_MEMBER
  case 'd': case 'D': member = (unsigned)c - '0' < 10u; break;
  case 'z': case 'Z': member = (c == 0); break;  /* kept from Lua 5.1 */
  default: return cl == c;          /* "%." is the character itself */
  }
  if (cl <= 'Z')  /* upper-case class letters mean the complement */
    member = !member;
  return member;
}

/* 'set' points at '[' and 'set_end' at the closing ']'. */
static int strpat_inset(strpat_Ctype ct, int c, const char *set,
                        const char *set_end)
{
  int found = 1;
  const char *p = set + 1;
  if (*p == '^') {
    found = 0;
    p++;
  }
  for (; p < set_end; p++) {
    if (*p == STRPAT_ESC) {
      p++;
      if (strpat_inclass(ct, c, (unsigned char)*p))
        return found;
    } else if (p[1] == '-' && p + 2 < set_end) {
      if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
        return found;
      p += 2;
    } else if ((unsigned char)*p == c) {
      return found;
    }
  }
  return !found;
}

/* Returns the end of the single-character class starting at p. */
static inline const char *strpat_classend(strpat_State *ms, const char *p)
{
  char first = *p++;
  if (first == STRPAT_ESC) {
    if (p == ms->pat_end)
      luaL_error(ms->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (first == '[') {
    if (*p == '^')
      p++;
    /* The first character of a set is never its end: "[]]" holds ']'. */
    do {
      if (p == ms->pat_end)
        luaL_error(ms->L, "malformed pattern (missing ']')");
      char c = *p++;
      if (c == STRPAT_ESC && p < ms->pat_end)
        p++;  /* "%]" does not end the set */
    } while (*p != ']');
    return p + 1;
  }
  return p;
}

/* Does the subject character at s match the class [p, class_end)? */
static inline int strpat_single(strpat_State *ms, const char *s,
                                const char *p, const char *class_end)
{
  if (s >= ms->subject_end)
    return 0;
  int c = (unsigned char)*s;
  switch (*p) {
  case '.': return 1;
  case STRPAT_ESC: return strpat_inclass(ms->ctype, c, (unsigned char)p[1]);
  case '[': return strpat_inset(ms->ctype, c, p, class_end - 1);
  default: return (unsigned char)*p == c;
  }
}


/* The single-character class at p as a STRPAT_FIRST_KINDS kind (never
 * NONE or FRONTIER) and its byte or class letter in *arg. */
static int strpat_kindof(const char *p, int *arg)
{
  *arg = 0;
  switch (*p) {
  case '.': return STRPAT_FIRST_ANY;
  case '[': return STRPAT_FIRST_SET;
  case STRPAT_ESC:
    *arg = (unsigned char)p[1];
    return isalpha(*arg) ? STRPAT_FIRST_CLASS : STRPAT_FIRST_CHAR;
  default:
    *arg = (unsigned char)*p;
    return STRPAT_FIRST_CHAR;
  }
}

/* strpat_single, with the class's kind decided in advance (kindof). */
static inline __attribute__((always_inline))
int strpat_test(strpat_State *ms, const char *s, int kind, int arg,
                const char *p, const char *class_end)
{
  if (s >= ms->subject_end)
    return 0;
  int c = (unsigned char)*s;
  switch (kind) {
  case STRPAT_FIRST_CHAR: return c == arg;
  case STRPAT_FIRST_ANY: return 1;
  case STRPAT_FIRST_CLASS: return strpat_inclass(ms->ctype, c, arg);
  default: return strpat_inset(ms->ctype, c, p, class_end - 1);
  }
}


/* ===================================================================
 * Special items
 * =================================================================== */

/* "%bxy" at p (pointing at x): a balanced x...y run starting at s. */
static const char *strpat_balance(strpat_State *ms, const char *s,
                                  const char *p)
{
  if (p >= ms->pat_end - 1)
    luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= ms->subject_end || *s != p[0])
    return NULL;
  char open = p[0], close = p[1];
  int depth = 1;
  while (++s < ms->subject_end) {
    if (*s == close) {
      if (--depth == 0)
        return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return NULL;
}

static int strpat_checkcapture(strpat_State *ms, int digit)
{
  int index = digit - '1';
  if (index < 0 || index >= ms->ncaptures ||
      ms->capture[index].len == STRPAT_CAP_OPEN)
    return luaL_error(ms->L, "invalid capture index %%%d", index + 1);
  return index;
}

/* A back-reference "%n": the text of capture n again. */
static const char *strpat_backref(strpat_State *ms, const char *s, int digit)
{
  int index = strpat_checkcapture(ms, digit);
  ptrdiff_t len = ms->capture[index].len;
  if (len < 0)  /* a position capture has no text to repeat */
    return NULL;
  if (ms->subject_end - s >= len &&
      memcmp(ms->capture[index].start, s, (size_t)len) == 0)
    return s + len;
  return NULL;
}

static const char *strpat_opencapture(strpat_State *ms, const char *s,
                                      const char *p, ptrdiff_t kind)
{
  int level = ms->ncaptures;
  if (level >= STRPAT_MAX_CAPTURES)
    luaL_error(ms->L, "too many captures");
  ms->capture[level].start = s;
  ms->capture[level].len = kind;
  ms->ncaptures = level + 1;
  const char *res = strpat_do(ms, s, p);
  if (res == NULL)
    ms->ncaptures--;  /* the capture did not happen */
  return res;
}

static const char *strpat_closecapture(strpat_State *ms, const char *s,
                                       const char *p)
{
  int level = ms->ncaptures - 1;
  while (level >= 0 && ms->capture[level].len != STRPAT_CAP_OPEN)
    level--;
  if (level < 0)
    luaL_error(ms->L, "invalid pattern capture");
  ms->capture[level].len = s - ms->capture[level].start;
  const char *res = strpat_do(ms, s, p);
  if (res == NULL)
    ms->capture[level].len = STRPAT_CAP_OPEN;  /* undo */
  return res;
}


/* ===================================================================
 * Repetitions
 * =================================================================== */

/* How many bytes of s[0..avail) in a row belong (members = 1) or do not
   belong (members = 0) to class letter cl, as strpat_inclass says? The
   class is decided once, so the loop over the subject is one table test
   per byte (the C library's classification table is looked up once, not
   per byte). */
static ptrdiff_t strpat_classrun(strpat_Ctype ct, const unsigned char *s,
                                 ptrdiff_t avail, int cl, int members)
{
  ptrdiff_t n = 0;
  /* upper-case letters: the complement */
  int want = (cl <= 'Z') ? !members : members;
#define STRPAT_RUN(test) \
  while (n < avail && ((test) != 0) == want) n++; \
  return n
  switch (cl | 0x20) {
#define STRPAT_RUNCASE(letter, name) \
  case letter: STRPAT_RUN(strpat_is(ct, s[n], name));
  STRPAT_CTYPE_CLASSES(STRPAT_RUNCASE)
#undef STRPAT_RUNCASE
  case 'd': STRPAT_RUN((unsigned)s[n] - '0' < 10u);
  case 'z': STRPAT_RUN(s[n] == 0);
  default: break;
  }
#undef STRPAT_RUN
  while (n < avail && strpat_inclass(ct, s[n], cl) == members)  /* "%." */
    n++;
  return n;
}

/*
 * If every match of pattern p must begin with one single-character class
 * (no special item first, no '*', '?' or '-' after it), its end: then no
 * match of p starts where strpat_single fails, and the repetitions below
 * skip those positions without entering the matcher. NULL otherwise, or
 * when the matcher's depth is spent (its "pattern too complex" must come
 * as it would). A malformed class raises what the matcher would raise.
 */
static const char *strpat_leadscan(strpat_State *ms, const char **pp,
                                   int *depthp)
{
  const char *p = *pp;
  int depth = 1;  /* matcher levels entered before the class is tried */
  /* Captures consume nothing: the class after them must match here. The
   * walk gives up where the matcher would raise an error (too many
   * captures, a ')' with none open), so that the matcher raises it. */
  int ncap = ms->ncaptures, open = 0;
  if (p < ms->pat_end && (*p == '(' || *p == ')'))
    for (int i = 0; i < ncap; i++)
      open += ms->capture[i].len == STRPAT_CAP_OPEN;
  while (p < ms->pat_end && (*p == '(' || *p == ')')) {
    if (*p == '(') {
      if (ncap >= STRPAT_MAX_CAPTURES)
        return NULL;
      ncap++;
      if (p[1] == ')') {
        p += 2;  /* a position capture */
      } else {
        open++;
        p++;
      }
    } else {
      if (open == 0)
        return NULL;
      open--;
      p++;
    }
    depth++;
  }
  if (p >= ms->pat_end)
    return NULL;
  *depthp = depth;
  *pp = p;
  switch (*p) {
  case '$':
    return NULL;
  case STRPAT_ESC: {
    char c = p[1];
    if (c == 'b' || c == 'f' || (c >= '0' && c <= '9'))
      return NULL;
    break;
  }
  default:
    break;
  }
  const char *e = strpat_classend(ms, p);
  if (*e == '*' || *e == '?' || *e == '-')
    return NULL;
  return e;
}

/* strpat_leadscan through the cache, plus the depth check; the class's
 * kind and byte or letter (strpat_kindof) go to *kind and *arg. */
static const char *strpat_lead(strpat_State *ms, const char **pp, int *kind,
                               int *arg)
{
  const char *rest = *pp;
  unsigned slot = (unsigned)(uintptr_t)rest & (STRPAT_LEAD_SLOTS - 1u);
  if (ms->lead_cache[slot].rest != rest) {
    const char *lead = rest;
    int depth = 0;
    const char *end = strpat_leadscan(ms, &lead, &depth);
    ms->lead_cache[slot].rest = rest;
    ms->lead_cache[slot].lead = lead;
    ms->lead_cache[slot].lead_end = end;
    ms->lead_cache[slot].depth = depth;
    if (end != NULL)
      ms->lead_cache[slot].kind = strpat_kindof(lead, &ms->lead_cache[slot].arg);
  }
  const char *end = ms->lead_cache[slot].lead_end;
  if (end == NULL || ms->depth_left <= ms->lead_cache[slot].depth)
    return NULL;
  *pp = ms->lead_cache[slot].lead;
  *kind = ms->lead_cache[slot].kind;
  *arg = ms->lead_cache[slot].arg;
  return end;
}

static const char *strpat_greedy(strpat_State *ms, const char *s,
                                 const char *p, const char *class_end)
{
  ptrdiff_t count = 0;
  ptrdiff_t avail = ms->subject_end - s;
  if (avail < 0)
    avail = 0;
  switch (*p) {
  case '.':
    count = avail;
    break;
  case STRPAT_ESC:
    count = strpat_classrun(ms->ctype, (const unsigned char *)s, avail,
                            (unsigned char)p[1], 1);
    break;
  default: {  /* a byte or a set */
    int arg;
    if (strpat_kindof(p, &arg) == STRPAT_FIRST_CHAR)
      while (count < avail && (unsigned char)s[count] == arg)
        count++;
    else
      while (count < avail &&
             strpat_inset(ms->ctype, (unsigned char)s[count], p,
                          class_end - 1))
        count++;
    break;
  }
  }
  const char *rest = class_end + 1;
  const char *lead = rest;
  int kind, arg;
  const char *lead_end = strpat_lead(ms, &lead, &kind, &arg);
  if (lead_end == NULL) {
    for (; count >= 0; count--) {
      const char *res = strpat_do(ms, s + count, rest);
      if (res != NULL)
        return res;
    }
    return NULL;
  }
  if (kind == STRPAT_FIRST_CHAR) {  /* "%w+=": look for the '=' alone */
    const char *last = ms->subject_end - 1;
    for (; count >= 0; count--) {
      const char *at = s + count;
      if (at > last || (unsigned char)*at != arg)
        continue;
      const char *res = strpat_do(ms, at, rest);
      if (res != NULL)
        return res;
    }
    return NULL;
  }
  for (; count >= 0; count--) {
    if (!strpat_test(ms, s + count, kind, arg, lead, lead_end))
      continue;
    const char *res = strpat_do(ms, s + count, rest);
    if (res != NULL)
      return res;
  }
  return NULL;
}

/* '-': as few as possible, one more at a time. */
static const char *strpat_lazy(strpat_State *ms, const char *s,
                               const char *p, const char *class_end)
{
  const char *rest = class_end + 1;
  const char *lead = rest;
  int kind = STRPAT_FIRST_NONE, arg = 0;
  const char *lead_end = strpat_lead(ms, &lead, &kind, &arg);
  for (;;) {
    if (lead_end == NULL || strpat_test(ms, s, kind, arg, lead, lead_end)) {
      const char *res = strpat_do(ms, s, rest);
      if (res != NULL)
        return res;
    }
    if (!strpat_single(ms, s, p, class_end))
      return NULL;
    s++;
  }
}


/* ===================================================================
 * The matcher
 * =================================================================== */

/*
 * Matches pattern p against the subject at s; returns the end of the
 * match or NULL.  Items that need no backtracking advance in the loop;
 * the others recurse on the rest of the pattern.
 */
static const char *strpat_do(strpat_State *ms, const char *s, const char *p)
{
  if (ms->depth_left-- == 0)
    luaL_error(ms->L, "pattern too complex");
  while (s != NULL && p != ms->pat_end) {
    const char *class_end;
    switch (*p) {
    case '(':
      if (p[1] == ')')
        s = strpat_opencapture(ms, s, p + 2, STRPAT_CAP_POSITION);
      else
        s = strpat_opencapture(ms, s, p + 1, STRPAT_CAP_OPEN);
      goto done;
    case ')':
      s = strpat_closecapture(ms, s, p + 1);
      goto done;
    case '$':
      if (p + 1 == ms->pat_end) {
        if (s != ms->subject_end)
          s = NULL;
        goto done;
      }
      break;  /* a '$' elsewhere is an ordinary character */
    case STRPAT_ESC:
      switch (p[1]) {
      case 'b':
        s = strpat_balance(ms, s, p + 2);
        p += 4;
        continue;
      case 'f': {
        p += 2;
        if (*p != '[')
          luaL_error(ms->L, "missing '[' after '%%f' in pattern");
        class_end = strpat_classend(ms, p);
        int before = (s == ms->subject) ? '\0' : (unsigned char)s[-1];
        int here = (unsigned char)*s;  /* '\0' at the subject's end */
        if (!strpat_inset(ms->ctype, before, p, class_end - 1) &&
            strpat_inset(ms->ctype, here, p, class_end - 1))
          p = class_end;
        else
          s = NULL;
        continue;
      }
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        s = strpat_backref(ms, s, (unsigned char)p[1]);
        p += 2;
        continue;
      default:
        break;  /* a class such as %a */
      }
      break;
    case '[': case '.':
      break;
    default:
      /* A plain byte matched once (p[1] is the '\0' after the pattern at
       * its end): what the general case below does, in short. */
      if (p[1] != '*' && p[1] != '+' && p[1] != '-' && p[1] != '?') {
        if (s < ms->subject_end && *s == *p) {
          s++;
          p++;
          continue;
        }
        s = NULL;
        goto done;
      }
      break;
    }
    /* A single-character class, possibly repeated. */
    class_end = strpat_classend(ms, p);
    char suffix = *class_end;  /* '\0' at the pattern's end */
    if (!strpat_single(ms, s, p, class_end)) {
      if (suffix == '*' || suffix == '?' || suffix == '-') {
        p = class_end + 1;  /* zero repetitions are fine */
        continue;
      }
      s = NULL;
      goto done;
    }
    switch (suffix) {
    case '?': {
      const char *res = strpat_do(ms, s + 1, class_end + 1);
      if (res != NULL) {
        s = res;
        goto done;
      }
      p = class_end + 1;
      continue;
    }
    case '+':
      s = strpat_greedy(ms, s + 1, p, class_end);
      goto done;
    case '*':
      s = strpat_greedy(ms, s, p, class_end);
      goto done;
    case '-':
      s = strpat_lazy(ms, s, p, class_end);
      goto done;
    default:
      s++;
      p = class_end;
      continue;
    }
  }
done:
  ms->depth_left++;
  return s;
}

/* The glibc ctype bit of a lower-case class letter ("%a"), 0 for the
 * others ("%d" and "%z" are not the C library's) and without glibc. */
static unsigned short strpat_classmask(int lower)
{
#if defined(__GLIBC__)
  switch (lower) {
#define STRPAT_MASKCASE(letter, name) \
  case letter: return (unsigned short)_IS##name;
  STRPAT_CTYPE_CLASSES(STRPAT_MASKCASE)
#undef STRPAT_MASKCASE
  default: break;
  }
#endif
  (void)lower;
  return 0;
}

/* Is the class letter cl one the C library answers ("%a", "%S")? */
static int strpat_isctypeclass(int cl)
{
  switch (cl | 0x20) {
#define STRPAT_ISCASE(letter, name) case letter: return 1;
  STRPAT_CTYPE_CLASSES(STRPAT_ISCASE)
#undef STRPAT_ISCASE
  default: return 0;
  }
}

/* The set [set, set_end] (set at '[', set_end at its ']') as ms->first_bits
 * and the ctype masks ms->first_pos / first_neg / first_invert (see
 * strpat_State): the items strpat_inset walks, each added in full.
 * Returns whether the bitmap tabulates the locale's classes (a class
 * the masks cannot hold, or no glibc); or, when a class needs all 256
 * bytes tabulated and 'heavy' forbids that cost, -1 (nothing made). */
static int strpat_setbits(strpat_State *ms, const char *set,
                          const char *set_end, int heavy)
{
  unsigned char *bits = ms->first_bits;
  unsigned short pos = 0, neg = 0;
  int baked = 0;
  memset(bits, 0, 32);
  const char *p = set + 1;
  int negate = (*p == '^');
  if (negate)
    p++;
  for (; p < set_end; p++) {
    if (*p == STRPAT_ESC) {
      p++;
      int cl = (unsigned char)*p;
      if (!isalpha(cl) ||  /* "%]", "%q": the byte itself (strpat_inclass) */
          (!strpat_isctypeclass(cl) && (cl | 0x20) != 'd' &&
           (cl | 0x20) != 'z')) {
        bits[cl >> 3] |= (unsigned char)(1u << (cl & 7));
        continue;
      }
      if (cl == 'd') {
        for (int c = '0'; c <= '9'; c++)
          bits[c >> 3] |= (unsigned char)(1u << (c & 7));
        continue;
      }
      if (cl == 'z') {
        bits[0] |= 1u;
        continue;
      }
      unsigned short mask = strpat_classmask(cl | 0x20);
      if (mask != 0 && cl == (cl | 0x20)) {
        pos |= mask;
        continue;
      }
      if (mask != 0 && (neg == 0 || neg == mask)) {
        neg = mask;
        continue;
      }
      if (!heavy)
        return -1;
      baked |= strpat_isctypeclass(cl);
      for (int c = 0; c < 256; c++)
        if (strpat_inclass(ms->ctype, c, cl))
          bits[c >> 3] |= (unsigned char)(1u << (c & 7));
    } else if (p[1] == '-' && p + 2 < set_end) {
      for (int c = (unsigned char)p[0]; c <= (unsigned char)p[2]; c++)
        bits[c >> 3] |= (unsigned char)(1u << (c & 7));
      p += 2;
    } else {
      int c = (unsigned char)*p;
      bits[c >> 3] |= (unsigned char)(1u << (c & 7));
    }
  }
  ms->first_pos = pos;
  ms->first_neg = neg;
  ms->first_invert = 0;
  if ((pos | neg) != 0)
    ms->first_invert = negate;
  else if (negate)
    for (int i = 0; i < 32; i++)
      bits[i] = (unsigned char)~bits[i];
  return baked;
}

#define strpat_bit(bits, c) (((bits)[(c) >> 3] >> ((c) & 7)) & 1)

/* The end of the set "[...]" at p (just past its ']'), or NULL when the
 * set is malformed: as strpat_classend, but the matcher keeps the error. */
static const char *strpat_setend(strpat_State *ms, const char *p)
{
  const char *end = p + 1;
  if (end < ms->pat_end && *end == '^')
    end++;
  do {
    if (end >= ms->pat_end)
      return NULL;
    if (*end++ == STRPAT_ESC && end < ms->pat_end)
      end++;
  } while (end >= ms->pat_end || *end != ']');
  return end + 1;
}

/* Might the pattern [p, end) hold a back-reference ("%1")? Every '%'
 * and the byte after it are read as an escape, in sets too ("[%1]" and
 * "%b%1" count: a false alarm only costs an optimization). */
static int strpat_hasbackref(const char *p, const char *end)
{
  while ((p = memchr(p, STRPAT_ESC, (size_t)(end - p))) != NULL) {
    if (p + 1 < end && isdigit((unsigned char)p[1]))
      return 1;
    p += 2;
    if (p >= end)
      break;
  }
  return 0;
}

/*
 * What every match of pattern p starts with, if the pattern says: after
 * any opening captures, a single-character class that must match once
 * (no '*', '?' or '-' after it), or a frontier. Anything unusual (other
 * special items, malformed text, whose errors belong to the matcher)
 * gives nothing.
 */
static void strpat_findfirst(strpat_State *ms, const char *p)
{
  const char *pattern = p;
  ms->first_kind = STRPAT_FIRST_NONE;
  ms->first_run = 0;
  while (p < ms->pat_end && *p == '(' && p + 1 < ms->pat_end && p[1] != ')')
    p++;
  if (p >= ms->pat_end)
    return;
  const char *end;
  int kind, arg = 0;
  switch (*p) {
  case '(': case ')': case '$':
    return;
  case '[':
    end = strpat_setend(ms, p);
    if (end == NULL)
      return;
    kind = STRPAT_FIRST_SET;
    break;
  case '.':
    end = p + 1;
    kind = STRPAT_FIRST_ANY;
    break;
  case STRPAT_ESC:
    if (p + 1 >= ms->pat_end || isdigit((unsigned char)p[1]))
      return;
    if (p[1] == 'b') {  /* a balance starts with its opening byte */
      if (p + 3 >= ms->pat_end)
        return;  /* missing arguments: the matcher's error */
      ms->first_kind = STRPAT_FIRST_CHAR;
      ms->first_arg = (unsigned char)p[2];
      ms->first_class = p + 2;
      ms->first_class_end = p + 3;
      return;  /* what follows "%bxy" is an item of its own */
    }
    if (p[1] == 'f') {  /* a frontier consumes nothing: no suffix test */
      if (p + 2 >= ms->pat_end || p[2] != '[' ||
          (end = strpat_setend(ms, p + 2)) == NULL)
        return;
      ms->first_kind = STRPAT_FIRST_FRONTIER;
      ms->first_class = p + 2;
      ms->first_class_end = end;
      return;
    }
    end = p + 2;
    kind = strpat_kindof(p, &arg);
    break;
  default:
    end = p + 1;
    arg = (unsigned char)*p;
    kind = STRPAT_FIRST_CHAR;
    break;
  }
  if (end < ms->pat_end && (*end == '*' || *end == '?' || *end == '-'))
    return;
  ms->first_kind = kind;
  ms->first_arg = arg;
  ms->first_class = p;
  ms->first_class_end = end;
  ms->first_run = end < ms->pat_end && *end == '+' &&
                  !strpat_hasbackref(pattern, ms->pat_end);
}

/* anchored: the pattern is tried at one position only, so there is no
   use for its first class. */
static void strpat_init(strpat_State *ms, lua_State *L, const char *s,
                        size_t slen, const char *p, size_t plen, int anchored)
{
  ms->L = L;
  ms->ctype = strpat_ctype_now();
  ms->subject = s;
  ms->subject_end = s + slen;
  ms->pat_end = p + plen;
  for (int i = 0; i < STRPAT_LEAD_SLOTS; i++)
    ms->lead_cache[i].rest = NULL;
  ms->first_bits_ok = 0;
  ms->first_bits_locale = 0;
  if (anchored) {
    ms->first_kind = STRPAT_FIRST_NONE;
    ms->first_run = 0;
    return;
  }
  strpat_findfirst(ms, p);
  if (ms->first_kind == STRPAT_FIRST_SET ||
      ms->first_kind == STRPAT_FIRST_FRONTIER) {
    /* worth its cost when many positions will be tested: a class in the
     * set costs 256 tests to tabulate, other items next to nothing */
    const char *set = ms->first_class, *set_end = ms->first_class_end - 1;
    if (slen >= 2) {
      int baked = strpat_setbits(ms, set, set_end, slen >= 192);
      ms->first_bits_ok = baked >= 0;
      ms->first_bits_locale = baked > 0;
    }
  }
}

/* Lua code is about to run in the middle of a search: a bitmap made from
 * the locale's classes is dropped (it might change the locale). */
static inline void strpat_locale_changeable(strpat_State *ms)
{
  if (ms->first_bits_locale)
    ms->first_bits_ok = 0;
}

/* Is byte c in the first set, made by strpat_setbits (first_bits_ok)? */
static inline int strpat_firstbit(const strpat_State *ms, int c)
{
  int in = strpat_bit(ms->first_bits, c);
#if defined(__GLIBC__)
  if (((ms->first_pos | ms->first_neg) != 0)) {
    unsigned t = ms->ctype[c];
    in |= (t & ms->first_pos) != 0;
    in |= ms->first_neg != 0 && (t & ms->first_neg) == 0;
    in ^= ms->first_invert;
  }
#endif
  return in;
}

/* Is byte c in the first set (or the frontier's set)? */
static inline int strpat_infirstset(strpat_State *ms, int c)
{
  if (ms->first_bits_ok)
    return strpat_firstbit(ms, c);
  return strpat_inset(ms->ctype, c, ms->first_class,
                      ms->first_class_end - 1);
}

/* Can no match start at s? (the matcher would fail at its first item) */
static inline __attribute__((always_inline))
int strpat_cannotstart(strpat_State *ms, const char *s)
{
  if (ms->first_kind == STRPAT_FIRST_NONE)
    return 0;
  if (ms->first_kind == STRPAT_FIRST_FRONTIER) {
    /* the matcher's frontier test, as strpat_do makes it */
    if (s > ms->subject_end)
      return 1;
    int before = (s == ms->subject) ? '\0' : (unsigned char)s[-1];
    int here = (s == ms->subject_end) ? '\0' : (unsigned char)*s;
    return strpat_infirstset(ms, before) || !strpat_infirstset(ms, here);
  }
  if (ms->first_bits_ok)  /* a set */
    return s >= ms->subject_end ||
           !strpat_firstbit(ms, (unsigned char)*s);
  return !strpat_test(ms, s, ms->first_kind, ms->first_arg, ms->first_class,
                      ms->first_class_end);
}

/*
 * The first position at or after s where a match may start (where
 * strpat_cannotstart is false), or the subject's end when no byte before
 * it qualifies (the end itself is left to strpat_cannotstart). The tests
 * of strpat_cannotstart, with the kind decided once for the whole run.
 */
static const char *strpat_skip(strpat_State *ms, const char *s)
{
  const char *end = ms->subject_end;
  if (s >= end)
    return s;
  switch (ms->first_kind) {
  case STRPAT_FIRST_CHAR: {
    const char *at = memchr(s, ms->first_arg, (size_t)(end - s));
    return at != NULL ? at : end;
  }
  case STRPAT_FIRST_CLASS:
    return s + strpat_classrun(ms->ctype, (const unsigned char *)s, end - s,
                               ms->first_arg, 0);
  case STRPAT_FIRST_FRONTIER: {
    /* the byte before s out of the set and the byte at s in it */
    const char *set = ms->first_class, *set_end = ms->first_class_end - 1;
    int before = (s == ms->subject) ? '\0' : (unsigned char)s[-1];
    if (ms->first_bits_ok) {
      for (; s < end; s++) {
        int here = (unsigned char)*s;
        if (!strpat_firstbit(ms, before) &&
            strpat_firstbit(ms, here))
          return s;
        before = here;
      }
      return s;
    }
    int before_in = strpat_inset(ms->ctype, before, set, set_end);
    for (; s < end; s++) {
      int here_in = strpat_inset(ms->ctype, (unsigned char)*s, set, set_end);
      if (!before_in && here_in)
        return s;
      before_in = here_in;
    }
    return s;
  }
  case STRPAT_FIRST_SET: {
    if (ms->first_bits_ok) {
      while (s < end && !strpat_firstbit(ms, (unsigned char)*s))
        s++;
      return s;
    }
    const char *set = ms->first_class, *set_end = ms->first_class_end - 1;
    while (s < end && !strpat_inset(ms->ctype, (unsigned char)*s, set, set_end))
      s++;
    return s;
  }
  default:
    return s;
  }
}

/*
 * A search with ms->first_run set failed at s (where the first class
 * matches): the end of the class's run from s, where the search goes on.
 * Why nothing in between can match: the first item "c+" from a later
 * position s' of the run repeats to the same end, so the rest of the
 * pattern would be tried at positions the attempt at s already tried
 * (from the run's end down), at the same depth and with the same
 * captures open; without back-references its outcome there depends on
 * the position alone, and it failed at every one.
 */
static const char *strpat_runend(strpat_State *ms, const char *s)
{
  const char *end = ms->subject_end;
  int kind = ms->first_kind;
  if (kind == STRPAT_FIRST_CLASS)
    return s + strpat_classrun(ms->ctype, (const unsigned char *)s, end - s,
                               ms->first_arg, 1);
  if (kind == STRPAT_FIRST_SET && ms->first_bits_ok) {
    while (s < end && strpat_firstbit(ms, (unsigned char)*s))
      s++;
    return s;
  }
  while (s < end && strpat_test(ms, s, kind, ms->first_arg, ms->first_class,
                                ms->first_class_end))
    s++;
  return s;
}

static void strpat_reset(strpat_State *ms)
{
  ms->ncaptures = 0;
  ms->depth_left = STRPAT_MAX_DEPTH;
}


/* ===================================================================
 * Captures as Lua values
 * =================================================================== */

/*
 * Pushes capture i; with no captures at all, "capture 0" (i == 0) is the
 * whole match [s, e).
 */
static void strpat_pushcapture(strpat_State *ms, int i, const char *s,
                               const char *e)
{
  if (i >= ms->ncaptures) {
    if (i != 0)
      luaL_error(ms->L, "invalid capture index %%%d", i + 1);
    lua_pushlstring(ms->L, s, (size_t)(e - s));
    return;
  }
  ptrdiff_t len = ms->capture[i].len;
  const char *start = ms->capture[i].start;
  if (len == STRPAT_CAP_OPEN)
    luaL_error(ms->L, "unfinished capture");
  if (len == STRPAT_CAP_POSITION)
    lua_pushinteger(ms->L, (lua_Integer)(start - ms->subject) + 1);
  else
    lua_pushlstring(ms->L, start, (size_t)len);
}

/* Pushes all captures (or the whole match when s is not NULL and the
   pattern has none); returns how many values were pushed. */
static int strpat_pushcaptures(strpat_State *ms, const char *s, const char *e)
{
  int count = (ms->ncaptures == 0 && s != NULL) ? 1 : ms->ncaptures;
  /* a few fit the LUA_MINSTACK slots every C call has above its arguments
   * (the callers push at most a few values of their own first) */
  if (count > 8)
    luaL_checkstack(ms->L, count, "too many captures");
  for (int i = 0; i < count; i++)
    strpat_pushcapture(ms, i, s, e);
  return count;
}


/* ===================================================================
 * find and match
 * =================================================================== */

/* Is the pattern a plain substring (none of the characters that make it
   more)? */
static int strpat_isplain(const char *p, size_t len)
{
  for (size_t i = 0; i < len; i++)
    switch (p[i]) {
    case '^': case '$': case '*': case '+': case '?': case '.':
    case '(': case '[': case '%': case '-':
      return 0;
    default:
      break;
    }
  return 1;
}

static const char *strpat_memfind(const char *s, size_t slen,
                                  const char *needle, size_t nlen)
{
  if (nlen == 0)
    return s;
  if (nlen > slen)
    return NULL;
  const char *last = s + (slen - nlen);
  for (const char *p = s; p <= last; p++) {
    p = memchr(p, needle[0], (size_t)(last - p) + 1);
    if (p == NULL)
      return NULL;
    if (memcmp(p + 1, needle + 1, nlen - 1) == 0)
      return p;
  }
  return NULL;
}

/* luaL_optinteger, with the common call that omits the argument (nothing
 * on the stack at arg) answered from the top alone. */
static lua_Integer strpat_optint(lua_State *L, int arg, lua_Integer def)
{
  if (lua_gettop(L) < arg)
    return def;
  int isnum;
  lua_Integer n = lua_tointegerx(L, arg, &isnum);
  /* not a number: nil (the default) or an error, as luaL_optinteger says */
  return isnum ? n : luaL_optinteger(L, arg, def);
}

static int strpat_search(lua_State *L, int is_find)
{
  size_t slen, plen;
  const char *s = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  int top = lua_gettop(L);  /* s:find(p) and s:find(p, i) are the common calls */
  size_t init = strlib_startpos(top < 3 ? 1 : strpat_optint(L, 3, 1), slen) - 1;
  if (init > slen) {  /* starts after the end: cannot match */
    luaL_pushfail(L);
    return 1;
  }
  if (is_find && ((top >= 4 && lua_toboolean(L, 4)) ||
                  strpat_isplain(p, plen))) {
    const char *at = strpat_memfind(s + init, slen - init, p, plen);
    if (at != NULL) {
      lua_pushinteger(L, (lua_Integer)(at - s) + 1);
      lua_pushinteger(L, (lua_Integer)(at - s + (ptrdiff_t)plen));
      return 2;
    }
  } else {
    strpat_State ms;
    int anchored = (*p == '^');
    if (anchored) {
      p++;
      plen--;
    }
    strpat_init(&ms, L, s, slen, p, plen, anchored);
    const char *start = s + init;
    do {
      if (strpat_cannotstart(&ms, start)) {
        if (start < ms.subject_end)  /* on to the next hopeful position */
          start = strpat_skip(&ms, start + 1) - 1;
        continue;
      }
      strpat_reset(&ms);
      const char *end = strpat_do(&ms, start, p);
      if (end != NULL) {
        if (!is_find)
          return strpat_pushcaptures(&ms, start, end);
        lua_pushinteger(L, (lua_Integer)(start - s) + 1);
        lua_pushinteger(L, (lua_Integer)(end - s));
        return 2 + strpat_pushcaptures(&ms, NULL, NULL);
      }
      if (ms.first_run) {  /* none starts inside the run either */
        const char *next = strpat_runend(&ms, start);
        if (next > start + 1)
          start = next - 1;
      }
    } while (start++ < ms.subject_end && !anchored);
  }
  luaL_pushfail(L);
  return 1;
}

int strpat_find(lua_State *L) { return strpat_search(L, 1); }
int strpat_match(lua_State *L) { return strpat_search(L, 0); }


/* ===================================================================
 * gmatch
 * =================================================================== */

/*
 * The iterator's state lives in a userdata kept as an upvalue, next to the
 * subject and the pattern (upvalues too, so their text stays alive).
 * 'last_end' stops an empty match right where the previous match ended,
 * which would otherwise repeat forever.
 */
typedef struct strpat_GmatchState {
  const char *next;      /* where the next search starts */
  const char *pattern;
  const char *last_end;  /* end of the previous match, or NULL */
  strpat_State ms;
} strpat_GmatchState;

static int strpat_gmatchstep(lua_State *L)
{
  strpat_GmatchState *gm =
      (strpat_GmatchState *)lua_touserdata(L, lua_upvalueindex(3));
  gm->ms.L = L;  /* the iterator may run in another coroutine */
  gm->ms.ctype = strpat_ctype_now();  /* Lua code ran since the last step */
  for (const char *start = gm->next; start <= gm->ms.subject_end; start++) {
    if (strpat_cannotstart(&gm->ms, start)) {
      if (start < gm->ms.subject_end)  /* on to the next hopeful position */
        start = strpat_skip(&gm->ms, start + 1) - 1;
      continue;
    }
    strpat_reset(&gm->ms);
    const char *end = strpat_do(&gm->ms, start, gm->pattern);
    if (end != NULL && end != gm->last_end) {
      gm->next = gm->last_end = end;
      return strpat_pushcaptures(&gm->ms, start, end);
    }
    if (end == NULL && gm->ms.first_run) {  /* none starts in the run */
      const char *next = strpat_runend(&gm->ms, start);
      if (next > start + 1)
        start = next - 1;
    }
  }
  return 0;
}

int strpat_gmatch(lua_State *L)
{
  size_t slen, plen;
  const char *s = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  size_t init = strlib_startpos(strpat_optint(L, 3, 1), slen) - 1;
  if (init > slen)
    init = slen + 1;  /* past the end: the iterator finds nothing */
  lua_settop(L, 2);
  strpat_GmatchState *gm =
      (strpat_GmatchState *)lua_newuserdatauv(L, sizeof *gm, 0);
  strpat_init(&gm->ms, L, s, slen, p, plen, 0);
  strpat_locale_changeable(&gm->ms);  /* Lua code runs between the steps */
  gm->next = s + init;
  gm->pattern = p;
  gm->last_end = NULL;
  lua_pushcclosure(L, strpat_gmatchstep, 3);
  return 1;
}


/* ===================================================================
 * gsub
 * =================================================================== */

/* Appends the replacement string (argument 3) with its "%n" items. */
static void strpat_addtemplate(strpat_State *ms, luaL_Buffer *buf,
                               const char *s, const char *e)
{
  lua_State *L = ms->L;
  size_t len;
  const char *text = lua_tolstring(L, 3, &len);
  const char *end = text + len;
  const char *esc;
  while ((esc = memchr(text, STRPAT_ESC, (size_t)(end - text))) != NULL) {
    luaL_addlstring(buf, text, (size_t)(esc - text));
    char c = esc[1];  /* '\0' when '%' is the last character */
    if (c == STRPAT_ESC) {
      luaL_addchar(buf, c);
    } else if (c == '0') {
      luaL_addlstring(buf, s, (size_t)(e - s));
    } else if (isdigit((unsigned char)c)) {
      strpat_pushcapture(ms, c - '1', s, e);
      strpat_locale_changeable(ms);  /* a string __tostring would run */
      luaL_tolstring(L, -1, NULL);  /* position captures are integers */
      lua_remove(L, -2);
      luaL_addvalue(buf);
    } else {
      luaL_error(L, "invalid use of '%c' in replacement string", STRPAT_ESC);
    }
    text = esc + 2;
  }
  luaL_addlstring(buf, text, (size_t)(end - text));
}

/*
 * Appends the replacement for the match [s, e); returns whether the text
 * changed (a function or table answering false or nil keeps the match).
 */
static int strpat_addreplacement(strpat_State *ms, luaL_Buffer *buf,
                                 const char *s, const char *e, int repl_type)
{
  lua_State *L = ms->L;
  switch (repl_type) {
  case LUA_TFUNCTION: {
    strpat_locale_changeable(ms);
    lua_pushvalue(L, 3);
    int nargs = strpat_pushcaptures(ms, s, e);
    lua_call(L, nargs, 1);
    break;
  }
  case LUA_TTABLE:
    strpat_locale_changeable(ms);  /* an __index may run Lua code */
    strpat_pushcapture(ms, 0, s, e);
    lua_gettable(L, 3);
    break;
  default:
    strpat_addtemplate(ms, buf, s, e);
    return 1;
  }
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    luaL_addlstring(buf, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    return luaL_error(L, "invalid replacement value (a %s)",
                      luaL_typename(L, -1));
  luaL_addvalue(buf);
  return 1;
}

int strpat_gsub(lua_State *L)
{
  size_t slen, plen;
  const char *src = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  int repl_type = lua_type(L, 3);
  lua_Integer max_repl = strpat_optint(L, 4, (lua_Integer)slen + 1);
  luaL_argexpected(L, repl_type == LUA_TNUMBER || repl_type == LUA_TSTRING ||
                   repl_type == LUA_TFUNCTION || repl_type == LUA_TTABLE,
                   3, "string/function/table");
  int anchored = (*p == '^');
  if (anchored) {
    p++;
    plen--;
  }
  const char *last_end = NULL;
  lua_Integer count = 0;
  int changed = 0;
  strpat_State ms;
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  strpat_init(&ms, L, src, slen, p, plen, anchored);
  while (count < max_repl) {
    const char *end = NULL;
    if (!strpat_cannotstart(&ms, src)) {
      strpat_reset(&ms);
      end = strpat_do(&ms, src, p);
    } else if (src < ms.subject_end) {
      /* no match starts before the next hopeful position: copy up to it
       * (never anchored here: anchored patterns have no first class) */
      const char *next = strpat_skip(&ms, src + 1);
      luaL_addlstring(&buf, src, (size_t)(next - src));
      src = next;
      continue;
    }
    if (end != NULL && end != last_end) {
      count++;
      changed |= strpat_addreplacement(&ms, &buf, src, end, repl_type);
      ms.ctype = strpat_ctype_now();  /* Lua code may have run */
      src = last_end = end;
    } else if (end == NULL && ms.first_run && src < ms.subject_end) {
      /* no match starts inside the first class's run either: copy it */
      const char *next = strpat_runend(&ms, src);
      if (next == src)
        next++;
      luaL_addlstring(&buf, src, (size_t)(next - src));
      src = next;
    } else if (src < ms.subject_end) {
      luaL_addchar(&buf, *src++);
    } else {
      break;
    }
    if (anchored)
      break;
  }
  if (!changed) {
    lua_pushvalue(L, 1);  /* nothing replaced: the subject itself */
  } else {
    luaL_addlstring(&buf, src, (size_t)(ms.subject_end - src));
    luaL_pushresult(&buf);
  }
  lua_pushinteger(L, count);
  return 2;
}
