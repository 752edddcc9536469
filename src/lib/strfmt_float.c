/*
 * strfmt_float.c - string.format's '%e', '%f' and '%g' of finite doubles,
 * digit for digit what the C library's printf writes, without printf.
 *
 * glibc formats a double by multiple-precision arithmetic on its exact
 * binary value, a few thousand instructions per number; string.format
 * calls it for every float directive, which made it the largest cost of
 * formatting-heavy programs. Most directives ask for few digits of a
 * number of moderate size, and then the exact answer needs only 128-bit
 * integers: a finite double is m * 2^e (m < 2^53), and the D digits to
 * print are m * 2^e * 10^k rounded to an integer, for the k that puts
 * the last wanted digit at the units. With m * 10^k (or 10^-k) and the
 * power of two both within 127 bits, that is one exact division (a shift
 * when k >= 0), rounded the way glibc rounds in the default rounding
 * mode: to nearest, ties to even on the exact value (0.125 with "%.2f"
 * is "0.12"). Anything outside those bounds (huge '%f' numbers, tiny
 * '%e' ones, more than 17 significant digits) returns -1 and the caller
 * falls back to snprintf, so the output never depends on which path ran.
 *
 * What C specifies and this follows: '%e' is d.ddde+XX with at least two
 * exponent digits; '%g' with precision P (0 means 1) uses '%e' style when
 * the decimal exponent X of the value rounded to P digits is < -4 or
 * >= P, else '%f' style with P - 1 - X decimals, and drops trailing zeros
 * (and a bare point) unless '#'; '#' keeps the point of "%.0e"/"%.0f";
 * '+' and ' ' give non-negative numbers a sign; '0' pads with zeros after
 * the sign unless '-' left-justifies; -0.0 prints its minus sign.
 * '%#g' goes to snprintf: glibc departs from C there (see below).
 */
#include <stdint.h>
#include <string.h>

#include "lib/strlib.h"

typedef unsigned __int128 fmtf_u128;

static const uint64_t fmtf_pow10[20] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
  10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
  100000000000ull, 1000000000000ull, 10000000000000ull,
  100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull,
  10000000000000000000ull,
};

/* Largest power of ten fmtf_scale multiplies or divides by: 10^38 is the
   largest below 2^127. */
#define FMTF_MAX_POW10 38

/* Most significant digits the formatter writes: the rounded integer then
   stays below 10^17 < 2^64. */
#define FMTF_MAX_DIGITS 17

static fmtf_u128 fmtf_pow10_128(int k)
{
  if (k <= 19)
    return fmtf_pow10[k];
  return (fmtf_u128)fmtf_pow10[19] * fmtf_pow10[k - 19];
}

static int fmtf_bitlen64(uint64_t x)
{
  return x == 0 ? 0 : 64 - __builtin_clzll(x);
}

static int fmtf_bitlen128(fmtf_u128 x)
{
  uint64_t hi = (uint64_t)(x >> 64);
  return hi != 0 ? 64 + fmtf_bitlen64(hi) : fmtf_bitlen64((uint64_t)x);
}

/*
 * *q = floor(m * 2^e * 10^k), and *half says where the rest lies against
 * one half: -1 below, 0 exactly, 1 above. Returns 0 (and nothing else)
 * when an operand would not fit in 127 bits or the quotient in 64.
 */
static int fmtf_scale(uint64_t m, int e, int k, uint64_t *q, int *half)
{
  fmtf_u128 num = m, den = 1;
  int numbits = fmtf_bitlen64(m);
  if (k > FMTF_MAX_POW10 || k < -FMTF_MAX_POW10)
    return 0;
  if (k > 0) {
    fmtf_u128 p = fmtf_pow10_128(k);
    numbits += fmtf_bitlen128(p);
    if (numbits > 127)
      return 0;
    num *= p;
  } else if (k < 0) {
    den = fmtf_pow10_128(-k);
  }
  if (e >= 0) {
    if (numbits + e > 127)
      return 0;
    num <<= e;
  } else if (den == 1) {  /* a shift right by -e */
    int s = -e;
    if (s >= 128) {  /* num < 2^127 <= 2^(s-1): below one half */
      *q = 0;
      *half = -1;
      return 1;
    }
    fmtf_u128 quot = num >> s;
    if (quot >> 64)
      return 0;
    fmtf_u128 rest = num - (quot << s);
    fmtf_u128 mid = (fmtf_u128)1 << (s - 1);
    *q = (uint64_t)quot;
    *half = rest < mid ? -1 : rest > mid ? 1 : 0;
    return 1;
  } else {
    if (fmtf_bitlen128(den) - e > 127)
      return 0;
    den <<= -e;
  }
  fmtf_u128 quot, rest;
  if ((num >> 64) == 0 && (den >> 64) == 0) {  /* a 64-bit division */
    uint64_t n64 = (uint64_t)num, d64 = (uint64_t)den;
    quot = n64 / d64;
    rest = n64 % d64;
  } else {
    quot = num / den;
    rest = num - quot * den;
  }
  if (quot >> 64)
    return 0;
  *q = (uint64_t)quot;
  fmtf_u128 twice = rest << 1;  /* rest < den < 2^127: no overflow */
  *half = twice < den ? -1 : twice > den ? 1 : 0;
  return 1;
}

/* Rounds to nearest, ties to even. */
static uint64_t fmtf_round(uint64_t q, int half)
{
  return q + (half > 0 || (half == 0 && (q & 1) != 0));
}

/* Writes the decimal digits of x, at least 'mindigits' of them (leading
   zeros), and returns how many. 'out' needs room for 20. */
static int fmtf_digits(char *out, uint64_t x, int mindigits)
{
  char rev[20];
  int n = 0;
  while (x != 0) {
    rev[n++] = (char)('0' + (int)(x % 10));
    x /= 10;
  }
  while (n < mindigits)
    rev[n++] = '0';
  for (int i = 0; i < n; i++)
    out[i] = rev[n - 1 - i];
  return n;
}

/*
 * The 'ndigits' significant digits of |v| = m * 2^e rounded, as an
 * integer in [10^(ndigits-1), 10^ndigits) (0 for zero), and the decimal
 * exponent of its first digit. Returns 0 when out of reach.
 */
static int fmtf_significant(uint64_t m, int e, int ndigits, uint64_t *digits,
                            int *exp10)
{
  if (m == 0) {
    *digits = 0;
    *exp10 = 0;
    return 1;
  }
  /* 2^(b-1) <= |v| < 2^b: the exponent is floor(log10 |v|), which the
     estimate from the lower bound gets right or one too small */
  int b = e + fmtf_bitlen64(m);
  /* floor((b-1) * log10 2), exact for the exponents of doubles */
  int x = (int)(((int64_t)(b - 1) * 1292913986) >> 32);
  uint64_t q;
  int half;
  if (!fmtf_scale(m, e, ndigits - 1 - x, &q, &half))
    return 0;
  if (q >= fmtf_pow10[ndigits]) {  /* |v| >= 10^(x+1) after all */
    x++;
    if (!fmtf_scale(m, e, ndigits - 1 - x, &q, &half))
      return 0;
  }
  if (q < fmtf_pow10[ndigits - 1] || q >= fmtf_pow10[ndigits])
    return 0;  /* cannot happen; snprintf would know better */
  q = fmtf_round(q, half);
  if (q == fmtf_pow10[ndigits]) {  /* 9.99... rounded up to 10.0 */
    q = fmtf_pow10[ndigits - 1];
    x++;
  }
  *digits = q;
  *exp10 = x;
  return 1;
}

/* Appends "e+XX" (at least two exponent digits). */
static char *fmtf_exponent(char *p, char letter, int x)
{
  *p++ = letter;
  *p++ = x < 0 ? '-' : '+';
  unsigned u = x < 0 ? (unsigned)-x : (unsigned)x;
  if (u >= 100)
    *p++ = (char)('0' + u / 100);
  *p++ = (char)('0' + u / 10 % 10);
  *p++ = (char)('0' + u % 10);
  return p;
}

/* Drops the trailing zeros of the fraction in [point, end), then the
   point itself when nothing follows it; returns the new end. */
static char *fmtf_trimzeros(char *point, char *end)
{
  while (end > point + 1 && end[-1] == '0')
    end--;
  if (end == point + 1)
    end--;
  return end;
}

int strfmt_float(char *out, double v, char letter, unsigned flags, int width,
                 int precision, char point)
{
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  int negative = (int)(bits >> 63);
  int biased = (int)((bits >> 52) & 0x7ff);
  uint64_t m = bits & ((1ull << 52) - 1);
  int e;
  if (biased == 0x7ff)
    return -1;  /* inf and nan: snprintf's business */
  if (biased == 0) {
    e = -1074;  /* zero or subnormal */
  } else {
    m |= 1ull << 52;
    e = biased - 1075;
  }
  int alt = (flags & STRFMT_FLAG_ALT) != 0;
  int upper = letter == 'E' || letter == 'G';
  char body[64];  /* digits, point and exponent: no sign, no padding */
  char *p = body;

  if (letter == 'f') {
    if (precision < 0)
      precision = 6;
    uint64_t q;
    int half;
    if (precision > FMTF_MAX_DIGITS || !fmtf_scale(m, e, precision, &q, &half))
      return -1;
    q = fmtf_round(q, half);
    char digits[20];
    int n = fmtf_digits(digits, q, precision + 1);
    int intlen = n - precision;
    memcpy(p, digits, (size_t)intlen);
    p += intlen;
    if (precision > 0 || alt)
      *p++ = point;
    memcpy(p, digits + intlen, (size_t)precision);
    p += precision;
  } else if (letter == 'e' || letter == 'E') {
    if (precision < 0)
      precision = 6;
    uint64_t q;
    int x;
    if (precision + 1 > FMTF_MAX_DIGITS ||
        !fmtf_significant(m, e, precision + 1, &q, &x))
      return -1;
    char digits[20];
    fmtf_digits(digits, q, precision + 1);
    *p++ = digits[0];
    if (precision > 0 || alt)
      *p++ = point;
    memcpy(p, digits + 1, (size_t)precision);
    p += precision;
    p = fmtf_exponent(p, upper ? 'E' : 'e', x);
  } else {  /* 'g' or 'G' */
    if (alt)
      return -1;  /* glibc drops digits when "%#g" rounds up a power of
                     ten ("1.e+06" for 999999.5): left to it */
    int sig = precision < 0 ? 6 : precision == 0 ? 1 : precision;
    uint64_t q;
    int x;
    if (sig > FMTF_MAX_DIGITS || !fmtf_significant(m, e, sig, &q, &x))
      return -1;
    char digits[20];
    fmtf_digits(digits, q, sig);
    if (x < -4 || x >= sig) {  /* exponent style, sig - 1 decimals */
      *p++ = digits[0];
      char *dot = p;
      *p++ = point;
      memcpy(p, digits + 1, (size_t)(sig - 1));
      p += sig - 1;
      p = fmtf_trimzeros(dot, p);
      p = fmtf_exponent(p, upper ? 'E' : 'e', x);
    } else {  /* fixed style, sig - 1 - x decimals */
      char *dot;
      if (x >= 0) {
        memcpy(p, digits, (size_t)x + 1);
        p += x + 1;
        dot = p;
        *p++ = point;
        memcpy(p, digits + x + 1, (size_t)(sig - 1 - x));
        p += sig - 1 - x;
      } else {
        *p++ = '0';
        dot = p;
        *p++ = point;
        memset(p, '0', (size_t)(-x - 1));
        p += -x - 1;
        memcpy(p, digits, (size_t)sig);
        p += sig;
      }
      p = fmtf_trimzeros(dot, p);
    }
  }

  char sign = negative ? '-'
            : (flags & STRFMT_FLAG_PLUS) ? '+'
            : (flags & STRFMT_FLAG_SPACE) ? ' ' : '\0';
  return strfmt_justify(out, flags, width, &sign, sign != '\0', 0, body,
                        (int)(p - body));
}
