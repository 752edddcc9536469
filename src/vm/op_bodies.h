/*
 * op_bodies.h — the semantics of every op, written once (DESIGN.md,
 * decision 5). Each op of OP_TABLE (vm/ops.h) has exactly one body here:
 *
 *     OP_BODY(NAME) { ...C statements...; NEXT(); }
 *
 * The file is not a header in the usual sense: it is included by an
 * execution engine after that engine has defined the vocabulary below. The
 * T0 interpreter (vm/interp.c) turns each body into a tail-calling handler;
 * the T1 baseline JIT will compile the same bodies into stencils with its
 * own definitions. So a body may use only this vocabulary, `L`, the
 * engine-independent helpers of vm/ (do_*, vm_*, tm_*, arith_*, func_*,
 * tab_*, fb_*, interp_* of interp_helpers.h) — never interpreter state
 * directly.
 *
 * Every path through a body ends in one control macro; none falls off the
 * end. Locals of a body must not shadow the engine's own names (for the
 * interpreter: ci, base, pc, i, k, cl, disp, fb).
 *
 * Operands (from the current instruction INSN):
 *   A B C sB sC Bx sBx sJ kBIT   the fields (vm/ops.h)
 *   REG(n)     address of register n of the frame
 *   RA RB RC   REG(A), REG(B), REG(C)
 *   KB KC KBx  constants K[B], K[C], K[Bx];  RKC = kBIT ? KC : RC
 *   UPVAL(n)   the n-th UpVal of the running closure; UPVALS all of them
 *   PROTO      the running function's Proto;  FRAME the running CallInfo
 *   FSLOT      the op's feedback slot (never NULL)
 *   IPC        address of the current instruction (for feedback reports)
 *   PREV_INSN NEXT_INSN   the instructions before and after this one
 *
 * Control:
 *   NEXT()          continue with the next instruction
 *   JUMP(n)         continue n instructions after the next one
 *   CONDJUMP(c)     the test-op rule: if (c) != k skip the following JMP,
 *                   else take it
 *   DONEXTJUMP()    take the following JMP
 *   BACKEDGE()      a loop is about to repeat (hotness, hook polling)
 *
 * Feedback (vm/feedback.h; an engine may record it or not):
 *   PROFILE(bits)   add TP_* bits to the op's type profile
 *   PROFILE_CALL(f) record the callee at f in the op's call-target cache
 *   (field inline caches are part of the semantics' fast paths: fb_field_*
 *   are called directly)
 *   CALL_ENTER(f, n)        call the function at f (arguments up to
 *                           L->top, pc saved) wanting n results
 *   TAILCALL_ENTER(f, n1, d)  the same as a tail call (n1 = args+1, d =
 *                           vararg delta)
 *   LEAVE_FRAME()   the running frame has returned (do_poscall done)
 *   LEAVE_FRAME_FROM(prev, st)  the same, the frame's previous and
 *                   callstatus read before its results were stored (an
 *                   engine may use them rather than read them again;
 *                   default: LEAVE_FRAME())
 *
 * State (GC roots, DESIGN.md decision 9; errors need the pc):
 *   SAVEPC()        record the pc for errors and hooks
 *   SAVESTATE()     SAVEPC() and L->top = FRAME->top (every register live)
 *   PROTECT(e)      SAVESTATE(), e, then reload what e may have changed
 *                   (stack base after a reallocation, hook state)
 *   PROTECT_NT(e)   the same without touching L->top (e uses L->top)
 *   UPDATE_BASE()   reload the stack base (after func_close and friends)
 *   CHECK_GC(lim)   a collector step if one is due; registers at or above
 *                   lim are dead
 *
 * Fast paths:
 *   SLOW_PATH()     what precedes is the op's fast path, what follows its
 *                   general case (which must handle every case, the fast
 *                   ones included). An engine may run the general case
 *                   elsewhere: the interpreter tail-calls a second handler
 *                   compiled from the same body, so that the fast handler
 *                   makes no call and needs no stack frame (vm/interp.c,
 *                   "Slow paths"). So nothing before SLOW_PATH() may have
 *                   an effect on any path that reaches it (no store, no
 *                   PROFILE, no BACKEDGE). Engines that do not define it
 *                   run the general case in place.
 */

#ifndef SLOW_PATH
#define SLOW_PATH() ((void)0)
#endif

/* The register above a call's b arguments from ra (an engine that knows
 * it as one operand may define it so). */
#ifndef CALL_ARGS_END
#define CALL_ARGS_END(ra, b) ((ra) + (b))
#endif

/* Arithmetic families. On success the following MMBIN* is skipped; when an
 * operand is not a number the op does nothing and the MMBIN* that follows
 * calls the metamethod (or raises the error). */

#define ARITH_INT_ADD(L, a, b) arith_intop(+, a, b)
#define ARITH_INT_SUB(L, a, b) arith_intop(-, a, b)
#define ARITH_INT_MUL(L, a, b) arith_intop(*, a, b)
#define ARITH_FLT_ADD(L, a, b) ((a) + (b))
#define ARITH_FLT_SUB(L, a, b) ((a) - (b))
#define ARITH_FLT_MUL(L, a, b) ((a) * (b))
#define ARITH_FLT_DIV(L, a, b) ((a) / (b))
#define ARITH_FLT_POW(L, a, b) ((b) == 2 ? (a) * (a) : arith_pow(a, b))
#define ARITH_FLT_IDIV(L, a, b) arith_floatidiv(a, b)
#define ARITH_BAND(a, b) arith_intop(&, a, b)
#define ARITH_BOR(a, b)  arith_intop(|, a, b)
#define ARITH_BXOR(a, b) arith_intop(^, a, b)

/* Typed fast paths. An engine may compile the arithmetic and order
 * comparison bodies again with ARITH_FAST set to ARITH_FAST_INT or
 * ARITH_FAST_FLT (the baseline JIT does, and picks such a variant by the
 * op's type profile): the body then starts with that one case (both
 * operands integers / floats) and continues with SLOW_PATH(). With ARITH_FAST 0 (the interpreter, the
 * JIT's other sets) the typed part is dead code. k2: the second operand
 * is a constant, which the variant does not test (an engine picks the
 * variant only for a constant of that type). */
#ifndef ARITH_FAST
#define ARITH_FAST 0
#endif
#define ARITH_FAST_INT 1
#define ARITH_FAST_FLT 2
#define ARITH_FAST_MIX 3  /* numbers, one a float (profile TP_MIXED) */
/* TAG_GUARD(v, tag): continue with the general case (SLOW_PATH) unless v
 * has that tag. An engine may define it as a branch straight out of the
 * body (the baseline JIT's typed stencils do). */
#ifndef TAG_GUARD
#define TAG_GUARD(v, tag) do {                                            \
    if (CR_UNLIKELY(!checktag((v), (tag)))) SLOW_PATH();                  \
  } while (0)
#endif
/* x + sC, wrapping (ADDI); an engine may add sC as an immediate. */
#ifndef ADD_SC
#define ADD_SC(x) arith_intop(+, (x), sC)
#endif
/* Operands and results in registers. In a typed body an engine may take
 * one operand's value from a register instead of the frame (OPND_IN: 1 the
 * first operand, 2 the second; its tag is then known and not tested), and
 * may pass the result, besides storing it, on to the next op (PRODUCE).
 * The baseline JIT does, so that a chain of arithmetic does not wait for
 * each value's store to be forwarded to the next op's load (docs/jit.md,
 * "Values in registers"). OPND_IN_I / OPND_IN_F: the incoming value. */
#ifndef OPND_IN
#define OPND_IN 0
#define OPND_IN_I ((lua_Integer)0)
#define OPND_IN_F ((lua_Number)0)
#endif
#ifndef PRODUCE
#define PRODUCE(v) ((void)0)
#endif
#define OPND_I(v, n) (OPND_IN == (n) ? OPND_IN_I : ivalue(v))
#define OPND_F(v, n) (OPND_IN == (n) ? OPND_IN_F : fltvalue(v))
#define OPND_GUARD(v, n, tag) do {                                        \
    if (OPND_IN != (n)) TAG_GUARD(v, tag);                                \
  } while (0)
/* The typed case `fast` of an arithmetic body: v1, and v2 unless k2,
 * have tag; RA = value, stored by set. */
#define ARITH_TYPED(fast, tag, v1, v2, k2, set, value)                    \
  if (ARITH_FAST == (fast)) {                                             \
    OPND_GUARD(v1, 1, tag);                                               \
    if (!(k2)) OPND_GUARD(v2, 2, tag);                                    \
    ARITH_TYPEOF_##set r_ = (value);                                      \
    set(RA, r_);                                                          \
    PRODUCE(r_);                                                          \
    JUMP(1);                                                              \
  }
#define ARITH_TYPEOF_setivalue lua_Integer
#define ARITH_TYPEOF_setfltvalue lua_Number
#define ARITH_TYPED_INT(v1, v2, k2, iop)                                  \
  ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1, v2, k2, setivalue,              \
              iop(L, OPND_I(v1, 1), OPND_I(v2, 2)))
#define ARITH_TYPED_FLT(v1, v2, k2, fop)                                  \
  ARITH_TYPED(ARITH_FAST_FLT, VT_FLOAT, v1, v2, k2, setfltvalue,          \
              fop(L, OPND_F(v1, 1), OPND_F(v2, 2)))
/* The mixed case: both numbers, converted to floats; for + - * one must
 * be a float already (int: the integer op, in the general case), which
 * an operand from the register is (a float). */
#define OPND_NUM(v, n) ({                                                 \
    lua_Number m_;                                                        \
    if (OPND_IN == (n)) m_ = OPND_IN_F;                                   \
    else if (ttisfloat(v)) m_ = fltvalue(v);                              \
    else { TAG_GUARD(v, VT_INT); m_ = cast_num(ivalue(v)); }              \
    m_; })
#define ARITH_TYPED_MIX(v1, v2, anyint, fop)                              \
  if (ARITH_FAST == ARITH_FAST_MIX) {                                     \
    if (!(anyint) && OPND_IN == 0 && !ttisfloat(v1) && !ttisfloat(v2))    \
      SLOW_PATH();                                                        \
    lua_Number m1_ = OPND_NUM(v1, 1), m2_ = OPND_NUM(v2, 2);              \
    lua_Number r_ = fop(L, m1_, m2_);                                     \
    setfltvalue(RA, r_);                                                  \
    PRODUCE(r_);                                                          \
    JUMP(1);                                                              \
  }
/* + - *: either typed case, then the general one. */
#define BODY_ARITH_T(v1_, v2_, k2, iop, fop) {                            \
    ARITH_TYPED_INT(v1_, v2_, k2, iop)                                    \
    ARITH_TYPED_FLT(v1_, v2_, k2, fop)                                    \
    ARITH_TYPED_MIX(v1_, v2_, 0, fop)                                     \
    BODY_ARITH(v1_, v2_, iop, fop)                                        \
  }
/* / ^: floats, or integers converted (the result is a float). */
#define BODY_ARITHF_T(v1_, v2_, k2, fop) {                                \
    ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1_, v2_, k2, setfltvalue,        \
                fop(L, cast_num(OPND_I(v1_, 1)), cast_num(OPND_I(v2_, 2)))) \
    ARITH_TYPED_FLT(v1_, v2_, k2, fop)                                    \
    ARITH_TYPED_MIX(v1_, v2_, 1, fop)                                     \
    BODY_ARITHF(v1_, v2_, fop)                                            \
  }

/* Integer op iop if both are integers, else float op fop if both are
 * numbers. */
#define BODY_ARITH(v1_, v2_, iop, fop) {                                  \
    const TValue *v1 = (v1_), *v2 = (v2_);                                \
    if (ttisinteger(v1) && ttisinteger(v2)) {                             \
      lua_Integer i1 = ivalue(v1), i2 = ivalue(v2);                       \
      PROFILE(TP_INT);                                          \
      setivalue(RA, iop(L, i1, i2));                                      \
      JUMP(1);                                                            \
    }                                                                     \
    lua_Number n1, n2;                                                    \
    if (arith_tonumberns(v1, n1) && arith_tonumberns(v2, n2)) {           \
      PROFILE(fb_kind2(v1, v2));                                \
      setfltvalue(RA, fop(L, n1, n2));                                    \
      JUMP(1);                                                            \
    }                                                                     \
    PROFILE(fb_kind2(v1, v2));                                  \
    NEXT();                                                               \
  }

/* % and //: integers inline unless the divisor is 0 (an error, so the
 * general case saves the state) or -1 (overflow: arith_mod/arith_idiv). */
#define BODY_INTDIV(v1_, v2_, ifast, islow, fop) {                        \
    const TValue *d1 = (v1_), *d2 = (v2_);                                \
    if (ttisinteger(d1) && ttisinteger(d2) &&                             \
        CR_LIKELY(l_castS2U(ivalue(d2)) + 1u > 1u)) {                     \
      PROFILE(TP_INT);                                                    \
      setivalue(RA, ifast(ivalue(d1), ivalue(d2)));                       \
      JUMP(1);                                                            \
    }                                                                     \
    SLOW_PATH();                                                          \
    SAVESTATE();  /* integer division by 0 raises */                      \
    BODY_ARITH(v1_, v2_, islow, fop)                                      \
  }

/* Float op only (/ and ^ always give floats). */
#define BODY_ARITHF(v1_, v2_, fop) {                                      \
    const TValue *v1 = (v1_), *v2 = (v2_);                                \
    lua_Number n1, n2;                                                    \
    if (arith_tonumberns(v1, n1) && arith_tonumberns(v2, n2)) {           \
      PROFILE(fb_kind2(v1, v2));                                \
      setfltvalue(RA, fop(L, n1, n2));                                    \
      JUMP(1);                                                            \
    }                                                                     \
    PROFILE(fb_kind2(v1, v2));                                  \
    NEXT();                                                               \
  }

/* Bitwise: both operands convertible to integers (no strings here; those
 * go through the metamethod path, as in lua5.4). */
/* Bitwise with a typed integer case (k2: v2 a constant, an integer). */
#define BODY_BITWISE_T(v1_, v2_, k2, op) {                                \
    ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1_, v2_, k2, setivalue,          \
                op(OPND_I(v1_, 1), OPND_I(v2_, 2)))                       \
    BODY_BITWISE(v1_, v2_, op)                                            \
  }
#define BODY_BITWISE(v1_, v2_, op) {                                      \
    const TValue *v1 = (v1_), *v2 = (v2_);                                \
    lua_Integer i1, i2;                                                   \
    if (ttisinteger(v1) && ttisinteger(v2)) {                             \
      PROFILE(TP_INT);                                                    \
      setivalue(RA, op(ivalue(v1), ivalue(v2)));                          \
      JUMP(1);                                                            \
    }                                                                     \
    SLOW_PATH();  /* floats with integer values */                        \
    if (arith_tointegerns_fast(v1, &i1) && arith_tointegerns_fast(v2, &i2)) { \
      PROFILE(fb_kind2(v1, v2));                                \
      setivalue(RA, op(i1, i2));                                          \
      JUMP(1);                                                            \
    }                                                                     \
    PROFILE(fb_kind2(v1, v2));                                  \
    NEXT();                                                               \
  }

/* Register-register order comparison (LT, LE). */
#define BODY_ORDER(iop, fop, slow) {                                      \
    const TValue *ra = RA, *rb = RB;                                      \
    int cond;                                                             \
    if (ARITH_FAST == ARITH_FAST_INT) {  /* typed variants, see above */  \
      OPND_GUARD(ra, 1, VT_INT);                                          \
      OPND_GUARD(rb, 2, VT_INT);                                          \
      CONDJUMP(OPND_I(ra, 1) iop OPND_I(rb, 2));                          \
    }                                                                     \
    if (ARITH_FAST == ARITH_FAST_FLT) {                                   \
      OPND_GUARD(ra, 1, VT_FLOAT);                                        \
      OPND_GUARD(rb, 2, VT_FLOAT);                                        \
      CONDJUMP(OPND_F(ra, 1) iop OPND_F(rb, 2));                          \
    }                                                                     \
    if (ttisinteger(ra) && ttisinteger(rb)) {                             \
      PROFILE(TP_INT);                                                    \
      CONDJUMP(ivalue(ra) iop ivalue(rb));                                \
    }                                                                     \
    if (ttisfloat(ra) && ttisfloat(rb)) {                                 \
      PROFILE(TP_FLOAT);                                                  \
      CONDJUMP(fltvalue(ra) iop fltvalue(rb));                            \
    }                                                                     \
    SLOW_PATH();                                                          \
    if (ttisinteger(ra) && ttisinteger(rb)) {                             \
      PROFILE(TP_INT);                                          \
      cond = ivalue(ra) iop ivalue(rb);                                   \
    } else if (ttisnumber(ra) && ttisnumber(rb)) {                        \
      PROFILE(fb_kind2(ra, rb));                                \
      cond = fop(ra, rb);                                                 \
    } else {                                                              \
      PROFILE(fb_kind2(ra, rb));                                \
      PROTECT(cond = slow(L, ra, rb));                                    \
    }                                                                     \
    CONDJUMP(cond);                                                       \
  }

#define ORDER_LT_NUM(a, b) \
  (ttisfloat(a) && ttisfloat(b) ? fltvalue(a) < fltvalue(b) : vm_ltnum(a, b))
#define ORDER_LE_NUM(a, b) \
  (ttisfloat(a) && ttisfloat(b) ? fltvalue(a) <= fltvalue(b) : vm_lenum(a, b))

/* Comparison with the immediate sB (a float in the source when C != 0).
 * cc names the comparison as a condition code (l le g ge) for an engine's
 * CMP_SB(x, op, cc), x op sB, which may compare with sB as an immediate. */
#ifndef CMP_SB
#define CMP_SB(x, op, cc) ((x) op sB)
#endif
#define BODY_ORDERI(op, cc, flip, event) {                                \
    const TValue *ra = RA;                                                \
    int im = sB;                                                          \
    int cond;                                                             \
    if (ARITH_FAST == ARITH_FAST_INT) {  /* typed variants, see above */  \
      OPND_GUARD(ra, 1, VT_INT);                                          \
      CONDJUMP(CMP_SB(OPND_I(ra, 1), op, cc));                            \
    }                                                                     \
    if (ARITH_FAST == ARITH_FAST_FLT) {                                   \
      OPND_GUARD(ra, 1, VT_FLOAT);                                        \
      CONDJUMP(OPND_F(ra, 1) op cast_num(im));                            \
    }                                                                     \
    if (ttisinteger(ra)) {                                                \
      PROFILE(TP_INT);                                                    \
      CONDJUMP(ivalue(ra) op im);                                         \
    }                                                                     \
    if (ttisfloat(ra)) {                                                  \
      PROFILE(TP_FLOAT);                                                  \
      CONDJUMP(fltvalue(ra) op cast_num(im));                             \
    }                                                                     \
    SLOW_PATH();                                                          \
    if (ttisinteger(ra)) {                                                \
      PROFILE(TP_INT);                                          \
      cond = ivalue(ra) op im;                                            \
    } else if (ttisfloat(ra)) {                                           \
      PROFILE(TP_FLOAT);                                        \
      cond = fltvalue(ra) op cast_num(im);                                \
    } else {                                                              \
      PROFILE(fb_kind1(ra));                                    \
      PROTECT(cond = tm_callorderi(L, ra, im, flip, C, event));           \
    }                                                                     \
    CONDJUMP(cond);                                                       \
  }

/* A store into a nil slot of t's array part is a plain store when t has
 * no __newindex (what vm_finishset would find: the slot exists, so no new
 * key, and an integer key changes no metamethod). */
#define ARRAY_HOLE_STORABLE(t, slot)                                      \
  ((uintptr_t)(slot) - (uintptr_t)(t)->array <                            \
       (uintptr_t)(t)->asize * sizeof(TValue) &&                          \
   tm_fast(L, (t)->metatable, TM_NEWINDEX) == NULL)

/* Would storing v into t need the collector's barrier? (The fast paths
 * leave that case to the general one, which calls the barrier.) */
#define NEEDS_BARRIER(t, v)                                               \
  (iscollectable(v) && gc_isblack(obj2gco(t)) && gc_iswhite(gcvalue(v)))

/* The metatable mt (or NULL) is known to have no field for event e (the
 * absence cache of vm/tm.h; no lookup). */
#define TM_KNOWN_ABSENT(mt, e) ((mt) == NULL || ((mt)->tmcache & (1u << (e))))

/* May a store go into slot (of t's array part, below alimit) without the
 * general case, barrier aside? Yes when t has no __newindex or the slot
 * holds a value. The metatable is tested first: it lies in the Table,
 * which the fast path has read already, while the slot may be a cache
 * miss (a strided walk over a big array), and a store that need not read
 * its slot does not wait for it (sieve: half the time went there). */
#define ARRAY_STORE_PLAIN(t, slot)                                        \
  (CR_LIKELY(TM_KNOWN_ABSENT((t)->metatable, TM_NEWINDEX)) ||             \
   !ttisnil(slot))

/* Can rc be stored into the existing field slot of shaped table t without
 * the general case? Yes unless the slot holds nil (an absent key) and t
 * may have a __newindex, or the store needs the barrier. Storing a value
 * into a nil field must clear t's absent-metamethod cache (t may be a
 * metatable), as vm_finishset does. */
#define STORE_PLAIN(t, slot, v)                                           \
  ((CR_LIKELY(!ttisnil(slot)) ||                                          \
    TM_KNOWN_ABSENT((t)->metatable, TM_NEWINDEX)) &&                      \
   !NEEDS_BARRIER(t, v))
#define STORE_FIELD(t, slot, v) do {                                      \
    if (CR_UNLIKELY(ttisnil(slot))) tm_invalidatecache(t);                \
    setobj(L, slot, v);                                                   \
  } while (0)

/* Can rc be stored under a key absent from shaped table t by moving t to
 * the child shape `child` (vm_finishset's work, then tab_newfield's)? Yes
 * when rc is not nil (no store then), t may have no __newindex, its slots
 * have room, and t is not black (no barrier needed for the new shape and
 * the value). The new slot is the child's last; t may be a metatable, so
 * its absent-metamethod cache is cleared. */
#define ADD_PLAIN(t, child, v)                                            \
  (!ttisnil(v) && (child)->nslots <= (t)->slotcap &&                      \
   TM_KNOWN_ABSENT((t)->metatable, TM_NEWINDEX) &&                        \
   !gc_isblack(obj2gco(t)))
#define ADD_FIELD(t, child, v) do {                                       \
    (t)->shape = (child);                                                 \
    setobj(L, &(t)->slots[(child)->nslots - 1], v);                       \
    tm_invalidatecache(t);                                                \
  } while (0)

/* A table whose metatable has no __index gives nil for a key it lacks
 * (vm_finishget's first step, without the call). */
#define NO_INDEX_META(t) (tm_fast(L, (t)->metatable, TM_INDEX) == NULL)

/* ------------------------------------------------------------------ */
/* Loads and moves                                                     */
/* ------------------------------------------------------------------ */

/* SET_RA(v): RA = *v, the result of a move or a load, which an engine
 * may also pass on to the next op in a register (the baseline JIT does
 * when the next op takes it from there: docs/jit.md). */
#ifndef SET_RA
#define SET_RA(v) setobj(L, RA, v)
#endif

OP_BODY(MOVE) {
  SET_RA(RB);
  NEXT();
}

/* SET_SBX(o): o = the integer sBx (an engine may store it as an
 * immediate). */
#ifndef SET_SBX
#define SET_SBX(o) setivalue((o), (lua_Integer)sBx)
#endif
OP_BODY(LOADI) {
  SET_SBX(RA);
  PRODUCE((lua_Integer)sBx);
  NEXT();
}

OP_BODY(LOADF) {
  setfltvalue(RA, cast_num(sBx));
  PRODUCE(cast_num(sBx));
  NEXT();
}

OP_BODY(LOADK) {
  setobj(L, RA, KBx);
  NEXT();
}

OP_BODY(LOADFALSE) {
  setbfvalue(RA);
  NEXT();
}

OP_BODY(LFALSESKIP) {
  setbfvalue(RA);
  JUMP(1);
}

OP_BODY(LOADTRUE) {
  setbtvalue(RA);
  NEXT();
}

OP_BODY(LOADNIL) {
  TValue *ra = RA;
  int b = B;
  do {
    setnilvalue(ra);
    ra++;
  } while (b--);
  NEXT();
}

OP_BODY(GETUPVAL) {
  SET_RA(UPVAL(B)->v);
  NEXT();
}

OP_BODY(SETUPVAL) {
  UpVal *uv = UPVAL(B);
  if (CR_LIKELY(!NEEDS_BARRIER(uv, RA))) {
    setobj(L, uv->v, RA);
    NEXT();
  }
  SLOW_PATH();
  setobj(L, uv->v, RA);
  gc_barrier(L, uv, RA);
  NEXT();
}

/* ------------------------------------------------------------------ */
/* Table access                                                        */
/* ------------------------------------------------------------------ */

/* INT_HASH_PROBE: GETTABLE and SETTABLE look for an integer key beyond
 * the array part in the hash part inline (tab_getint_hash) before their
 * general case. The baseline JIT's stencils do; in the interpreter's fast
 * handlers the probe's registers (a division, a loop) cost spills on the
 * array path, so it leaves the probe to its general case (tab_getint). */
#ifndef INT_HASH_PROBE
#define INT_HASH_PROBE 0
#endif

/* The array fast paths test the border hint alimit, not asize, as lua5.4
 * does: a key in (alimit, asize] goes through tab_getint, which moves the
 * hint there, and `#` starts from the hint (obj/tab.c, tab_getn). */

/* GETTABUP's and GETFIELD's fast path: a table whose shape the field
 * cache knows, holding a non-nil value in the cached slot. */
#define FIELD_LOAD_FAST(obj)                                               \
  if (CR_LIKELY(ttistable(obj))) {                                         \
    int ix_ = fb_field_hit(FSLOT, hvalue(obj));                            \
    if (CR_LIKELY(ix_ >= 0) &&                                             \
        CR_LIKELY(!ttisnil(&hvalue(obj)->slots[ix_]))) {                   \
      setobj(L, RA, &hvalue(obj)->slots[ix_]);                             \
      NEXT();                                                              \
    }                                                                      \
  }

OP_BODY(GETTABUP) {
  const TValue *up = UPVAL(B)->v;
  TValue *key = KC;
  FIELD_LOAD_FAST(up);
  SLOW_PATH();
  if (CR_LIKELY(ttistable(up))) {
    const TValue *slot = fb_field_get(L, FSLOT, hvalue(up), tsvalue(key), IPC);
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    if (slot == fb_nilresult(L)) {  /* a cache proved the lookup gives nil */
      setnilvalue(RA);
      NEXT();
    }
    PROTECT(vm_finishget(L, up, key, RA, slot));
  } else
    PROTECT(vm_finishget(L, up, key, RA, NULL));
  NEXT();
}

#ifndef FLOAT_KEY_FAST
#define FLOAT_KEY_FAST 0
#endif
#define GETTABLE_FLOATKEY() do {                                          \
    if (OPND_IN != 2 && ttistable(rb) && ttisfloat(rc)) {                 \
      Table *t = hvalue(rb);                                              \
      lua_Number n = fltvalue(rc);                                        \
      if (n >= 1 && n <= (lua_Number)t->alimit) {                         \
        lua_Unsigned k1 = (lua_Unsigned)n - 1u;                           \
        if ((lua_Number)(k1 + 1u) == n && !ttisnil(&t->array[k1])) {      \
          PROFILE(TP_FLOAT | TP_ARRAY);                                   \
          SET_RA(&t->array[k1]);                                          \
          NEXT();                                                         \
        }                                                                 \
      }                                                                   \
    }                                                                     \
  } while (0)
/* The key may arrive in a register (OPND_IN 2: an integer). */
OP_BODY(GETTABLE) {
  TValue *rb = RB, *rc = RC;
  if (CR_LIKELY(ttistable(rb)) && (OPND_IN == 2 || ttisinteger(rc))) {
    Table *t = hvalue(rb);
    lua_Unsigned k1 = l_castS2U(OPND_I(rc, 2)) - 1u;
    if (CR_LIKELY(k1 < t->alimit) && CR_LIKELY(!ttisnil(&t->array[k1]))) {
      PROFILE(TP_INT | TP_ARRAY);
      SET_RA(&t->array[k1]);
      NEXT();
    }
    if (INT_HASH_PROBE && k1 >= t->asize) {  /* the hash part */
      const TValue *slot = tab_getint_hash(t, OPND_I(rc, 2));
      if (slot != NULL && !ttisnil(slot)) {
        PROFILE(TP_INT);
        SET_RA(slot);
        NEXT();
      }
    }
  }
  /* A float with an integer value is that integer as a key: in the fast
   * path when FLOAT_KEY_FAST (the baseline JIT's stencils; fft indexes
   * with float counters), else first thing in the general case. */
  if (FLOAT_KEY_FAST) GETTABLE_FLOATKEY();
  SLOW_PATH();
  if (!FLOAT_KEY_FAST) GETTABLE_FLOATKEY();
  if (CR_LIKELY(ttistable(rb))) {
    Table *t = hvalue(rb);
    const TValue *slot;
    if (ttisinteger(rc)) {
      lua_Unsigned k1 = l_castS2U(ivalue(rc)) - 1u;
      if (CR_LIKELY(k1 < t->alimit)) {
        PROFILE(TP_INT | TP_ARRAY);
        slot = &t->array[k1];
      } else {
        PROFILE(TP_INT);
        slot = tab_getint(t, ivalue(rc));
      }
    } else {
      PROFILE(fb_kind1(rc));
      slot = tab_get(t, rc);
    }
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    PROFILE(TP_SLOW);
    if (NO_INDEX_META(hvalue(RB))) {
      setnilvalue(RA);
      NEXT();
    }
    PROTECT(vm_finishget(L, RB, RC, RA, slot));
  } else {
    PROFILE(TP_SLOW | fb_kind1(rc));
    PROTECT(vm_finishget(L, rb, rc, RA, NULL));
  }
  NEXT();
}

OP_BODY(GETI) {
  TValue *rb = RB;
  int c = C;
  if (CR_LIKELY(ttistable(rb))) {
    Table *t = hvalue(rb);
    if (CR_LIKELY((unsigned)c - 1u < t->alimit) &&
        CR_LIKELY(!ttisnil(&t->array[c - 1]))) {
      PROFILE(TP_INT | TP_ARRAY);
      SET_RA(&t->array[c - 1]);
      NEXT();
    }
  }
  SLOW_PATH();
  if (CR_LIKELY(ttistable(rb))) {
    Table *t = hvalue(rb);
    const TValue *slot;
    if (CR_LIKELY((unsigned)c - 1u < t->alimit)) {
      PROFILE(TP_INT | TP_ARRAY);
      slot = &t->array[c - 1];
    } else {
      PROFILE(TP_INT);
      slot = tab_getint(t, c);
    }
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    PROFILE(TP_SLOW);
    if (NO_INDEX_META(t)) {
      setnilvalue(RA);
      NEXT();
    }
    PROTECT(interp_finishgeti(L, rb, c, RA, slot));
  } else {
    PROFILE(TP_SLOW | TP_INT);
    PROTECT(interp_finishgeti(L, rb, c, RA, NULL));
  }
  NEXT();
}

OP_BODY(GETFIELD) {
  TValue *rb = RB;
  TValue *key = KC;
  FIELD_LOAD_FAST(rb);
  SLOW_PATH();
  if (CR_LIKELY(ttistable(rb))) {  /* through classes, or proved nil */
    const TValue *hit = fb_method_hit(L, FSLOT, hvalue(rb), tsvalue(key));
    if (hit != NULL && (!ttisnil(hit) || hit == fb_nilresult(L))) {
      setobj(L, RA, hit);
      NEXT();
    }
  }
  if (CR_LIKELY(ttistable(rb))) {
    const TValue *slot = fb_field_get(L, FSLOT, hvalue(rb), tsvalue(key), IPC);
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    if (slot == fb_nilresult(L) || NO_INDEX_META(hvalue(rb))) {
      setnilvalue(RA);
      NEXT();
    }
    PROTECT(vm_finishget(L, rb, key, RA, slot));
  } else
    PROTECT(vm_finishget(L, rb, key, RA, NULL));
  NEXT();
}

/* The fast path shared by SETTABUP and SETFIELD: a store into a field the
 * site's cache knows (STORE_PLAIN: no barrier or __newindex question), the
 * addition of a key along a cached shape transition (ADD_PLAIN), or a
 * store of nil under a key the cache proves absent, which lua5.4 does not
 * insert (nothing to do without a __newindex). */
#define FIELD_STORE_FAST(obj, rc)                                          \
  do {                                                                     \
    if (CR_LIKELY(ttistable(obj))) {                                       \
      Table *t_ = hvalue(obj);                                             \
      int ix_ = fb_field_hit(FSLOT, t_);                                   \
      if (CR_LIKELY(ix_ >= 0)) {                                           \
        if (STORE_PLAIN(t_, &t_->slots[ix_], rc)) {                        \
          STORE_FIELD(t_, &t_->slots[ix_], rc);                            \
          NEXT();                                                          \
        }                                                                  \
      } else if (!ttisnil(rc)) {                                           \
        Shape *child_ = fb_field_trans(FSLOT, t_);                         \
        if (child_ != NULL && ADD_PLAIN(t_, child_, rc)) {                 \
          ADD_FIELD(t_, child_, rc);                                       \
          NEXT();                                                          \
        }                                                                  \
      } else if (fb_field_absent(FSLOT, t_) &&                             \
                 TM_KNOWN_ABSENT(t_->metatable, TM_NEWINDEX)) {            \
        NEXT();  /* nil into an absent key: nothing to do */               \
      }                                                                    \
    }                                                                      \
  } while (0)

OP_BODY(SETTABUP) {
  const TValue *up = UPVAL(A)->v;
  TValue *key = KB;
  TValue *rc = RKC;
  FIELD_STORE_FAST(up, rc);
  SLOW_PATH();
  if (CR_LIKELY(ttistable(up))) {
    Table *t = hvalue(up);
    TValue *slot = (TValue *)fb_field_slot(L, FSLOT, t, tsvalue(key), IPC);
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, slot, rc);
      gc_barrierback(L, t, rc);
      NEXT();
    }
    PROTECT(vm_finishset(L, up, key, rc, slot));
  } else
    PROTECT(vm_finishset(L, up, key, rc, NULL));
  NEXT();
}

/* The key may arrive in a register (OPND_IN 1: an integer). */
OP_BODY(SETTABLE) {
  TValue *ra = RA, *rb = RB, *rc = RKC;
  if (CR_LIKELY(ttistable(ra)) && (OPND_IN == 1 || ttisinteger(rb))) {
    Table *t = hvalue(ra);
    lua_Unsigned k1 = l_castS2U(OPND_I(rb, 1)) - 1u;
    if (CR_LIKELY(k1 < t->alimit) && ARRAY_STORE_PLAIN(t, &t->array[k1]) &&
        !NEEDS_BARRIER(t, rc)) {
      PROFILE(TP_INT | TP_ARRAY);
      setobj(L, &t->array[k1], rc);
      NEXT();
    }
    if (INT_HASH_PROBE && k1 >= t->asize) {  /* an existing hash key */
      TValue *slot = (TValue *)tab_getint_hash(t, OPND_I(rb, 1));
      if (slot != NULL && !ttisnil(slot) && !NEEDS_BARRIER(t, rc)) {
        PROFILE(TP_INT);
        setobj(L, slot, rc);
        NEXT();
      }
    }
  }
  SLOW_PATH();
  if (CR_LIKELY(ttistable(ra))) {
    Table *t = hvalue(ra);
    const TValue *slot;
    if (ttisinteger(rb)) {
      lua_Unsigned k1 = l_castS2U(ivalue(rb)) - 1u;
      if (CR_LIKELY(k1 < t->alimit)) {
        PROFILE(TP_INT | TP_ARRAY);
        slot = &t->array[k1];
      } else {
        PROFILE(TP_INT);
        slot = tab_getint(t, ivalue(rb));
      }
    } else {
      PROFILE(fb_kind1(rb));
      slot = tab_get(t, rb);
    }
    if (CR_LIKELY(!ttisnil(slot)) || ARRAY_HOLE_STORABLE(t, slot)) {
      setobj(L, (TValue *)slot, rc);
      gc_barrierback(L, t, rc);
      NEXT();
    }
    PROFILE(TP_SLOW);
    PROTECT(vm_finishset(L, ra, rb, rc, slot));
  } else {
    PROFILE(TP_SLOW | fb_kind1(rb));
    PROTECT(vm_finishset(L, ra, rb, rc, NULL));
  }
  NEXT();
}

OP_BODY(SETI) {
  TValue *ra = RA, *rc = RKC;
  int b = B;
  if (CR_LIKELY(ttistable(ra))) {
    Table *t = hvalue(ra);
    if (CR_LIKELY((unsigned)b - 1u < t->alimit) &&
        ARRAY_STORE_PLAIN(t, &t->array[b - 1]) && !NEEDS_BARRIER(t, rc)) {
      PROFILE(TP_INT | TP_ARRAY);
      setobj(L, &t->array[b - 1], rc);
      NEXT();
    }
  }
  SLOW_PATH();
  if (CR_LIKELY(ttistable(ra))) {
    Table *t = hvalue(ra);
    const TValue *slot;
    if (CR_LIKELY((unsigned)b - 1u < t->alimit)) {
      PROFILE(TP_INT | TP_ARRAY);
      slot = &t->array[b - 1];
    } else {
      PROFILE(TP_INT);
      slot = tab_getint(t, b);
    }
    if (CR_LIKELY(!ttisnil(slot)) || ARRAY_HOLE_STORABLE(t, slot)) {
      setobj(L, (TValue *)slot, rc);
      gc_barrierback(L, t, rc);
      NEXT();
    }
    PROFILE(TP_SLOW);
    PROTECT(interp_finishseti(L, ra, b, rc, slot));
  } else {
    PROFILE(TP_SLOW | TP_INT);
    PROTECT(interp_finishseti(L, ra, b, rc, NULL));
  }
  NEXT();
}

OP_BODY(SETFIELD) {
  TValue *ra = RA;
  TValue *key = KB;
  TValue *rc = RKC;
  FIELD_STORE_FAST(ra, rc);
  SLOW_PATH();
  if (CR_LIKELY(ttistable(ra))) {
    Table *t = hvalue(ra);
    TValue *slot = (TValue *)fb_field_slot(L, FSLOT, t, tsvalue(key), IPC);
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, slot, rc);
      gc_barrierback(L, t, rc);
      NEXT();
    }
    PROTECT(vm_finishset(L, ra, key, rc, slot));
  } else
    PROTECT(vm_finishset(L, ra, key, rc, NULL));
  NEXT();
}

OP_BODY(NEWTABLE) {
  unsigned b = (unsigned)B;        /* log2(hash size) + 1, or 0 */
  uint32_t asize = Bx;
  Table *t;
  SAVEPC();
  L->top = RA + 1;  /* registers above RA are free: nothing to keep */
  t = tab_newsized(L, asize, b != 0 ? 1u << (b - 1) : 0u);
  sethvalue(L, RA, t);
  if (b != 0 || asize != 0)
    tab_resize(L, t, asize, b != 0 ? 1u << (b - 1) : 0u);
  CHECK_GC(RA + 1);
  NEXT();
}

/* SELF_KEY_SHORT(rc): the key is a short string (an engine that knows
 * the constant key may answer without the test). */
#ifndef SELF_KEY_SHORT
#define SELF_KEY_SHORT(rc) ttisshrstring(rc)
#endif

OP_BODY(SELF) {
  TValue *rb = RB;
  TValue *rc = RKC;
  TString *key;
  if (CR_LIKELY(ttistable(rb)) && CR_LIKELY(SELF_KEY_SHORT(rc))) {
    const TValue *hit = fb_method_hit(L, FSLOT, hvalue(rb), tsvalue(rc));
    if (CR_LIKELY(hit != NULL && !ttisnil(hit))) {
      TValue *self = RA + 1;  /* rb is a table: its tag is a constant */
      val_(self).gc = obj2gco(hvalue(rb));
      settt_(self, VT_TABLE);
      setobj(L, RA, hit);
      NEXT();
    }
  }
  SLOW_PATH();
  /* a register name (k = 0) can be overwritten by debug.setlocal from a
   * hook or by a binary chunk (src/front/CODEGEN_NOTES.md): index plainly */
  if (CR_UNLIKELY(!ttisstring(rc))) {
    const TValue *slot = ttistable(rb) ? tab_get(hvalue(rb), rc) : NULL;
    setobj(L, RA + 1, rb);
    if (slot != NULL && !ttisnil(slot)) {
      setobj(L, RA, slot);
    } else {
      PROTECT(vm_finishget(L, rb, rc, RA, slot));
    }
    NEXT();
  }
  key = tsvalue(rc);
  setobj(L, RA + 1, rb);
  if (CR_LIKELY(ttistable(rb))) {
    Table *t = hvalue(rb);
    const TValue *slot = ttisshrstring(rc)
                             ? fb_method_get(L, FSLOT, t, key, IPC)
                             : tab_getstr(t, key);
    if (CR_LIKELY(!ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    PROTECT(vm_finishget(L, rb, rc, RA, slot));
  } else if (ttisstring(rb) && ttisshrstring(rc)) {
    const TValue *slot = fb_string_method(L, FSLOT, key, IPC);  /* s:m() */
    if (CR_LIKELY(slot != NULL && !ttisnil(slot))) {
      setobj(L, RA, slot);
      NEXT();
    }
    PROTECT(vm_finishget(L, rb, rc, RA, NULL));
  } else
    PROTECT(vm_finishget(L, rb, rc, RA, NULL));
  NEXT();
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

OP_BODY(ADDI) {
  const TValue *v1 = RB;
  int imm = sC;
  ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1, v1, 1, setivalue,
              ADD_SC(OPND_I(v1, 1)))
  ARITH_TYPED(ARITH_FAST_FLT, VT_FLOAT, v1, v1, 1, setfltvalue,
              OPND_F(v1, 1) + cast_num(imm))
  if (CR_LIKELY(ttisinteger(v1))) {
    PROFILE(TP_INT);
    setivalue(RA, arith_intop(+, ivalue(v1), imm));
    JUMP(1);
  }
  if (ttisfloat(v1)) {
    PROFILE(TP_FLOAT);
    setfltvalue(RA, fltvalue(v1) + cast_num(imm));
    JUMP(1);
  }
  PROFILE(fb_kind1(v1));
  NEXT();
}

OP_BODY(ADDK) BODY_ARITH_T(RB, KC, 1, ARITH_INT_ADD, ARITH_FLT_ADD)
OP_BODY(SUBK) BODY_ARITH_T(RB, KC, 1, ARITH_INT_SUB, ARITH_FLT_SUB)
OP_BODY(MULK) BODY_ARITH_T(RB, KC, 1, ARITH_INT_MUL, ARITH_FLT_MUL)

/* % // by a constant: the typed integer variant divides at once (the JIT
 * takes it only for a constant that is neither 0 nor -1). */
#define ARITH_TYPED_DIVK(v1, v2, ifast)                                   \
  ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1, v2, 1, setivalue,               \
              ifast(OPND_I(v1, 1), OPND_I(v2, 2)))
OP_BODY(MODK) {
  ARITH_TYPED_DIVK(RB, KC, interp_imod_plain)
  BODY_INTDIV(RB, KC, interp_imod_plain, interp_imod, arith_modf)
}

OP_BODY(POWK) BODY_ARITHF_T(RB, KC, 1, ARITH_FLT_POW)
OP_BODY(DIVK) BODY_ARITHF_T(RB, KC, 1, ARITH_FLT_DIV)

OP_BODY(IDIVK) {
  ARITH_TYPED_DIVK(RB, KC, interp_idiv_plain)
  BODY_INTDIV(RB, KC, interp_idiv_plain, interp_idiv, ARITH_FLT_IDIV)
}

OP_BODY(BANDK) BODY_BITWISE_T(RB, KC, 1, ARITH_BAND)
OP_BODY(BORK)  BODY_BITWISE_T(RB, KC, 1, ARITH_BOR)
OP_BODY(BXORK) BODY_BITWISE_T(RB, KC, 1, ARITH_BXOR)

OP_BODY(SHRI) {
  const TValue *v1 = RB;
  lua_Integer ib;
  if (ARITH_FAST == ARITH_FAST_INT) {  /* typed: only for 0 < |sC| < 64 */
    int n = sC;
    OPND_GUARD(v1, 1, VT_INT);
    lua_Integer x = OPND_I(v1, 1), r;
    if (n > 0)  /* x >> n; a left shift x << -n is coded with -n */
      r = l_castU2S(l_castS2U(x) >> n);
    else
      r = l_castU2S(l_castS2U(x) << -n);
    setivalue(RA, r);
    PRODUCE(r);
    JUMP(1);
  }
  if (CR_LIKELY(ttisinteger(v1))) {
    PROFILE(TP_INT);
    setivalue(RA, arith_shiftl(ivalue(v1), -(lua_Integer)sC));
    JUMP(1);
  }
  SLOW_PATH();
  if (arith_tointegerns_fast(v1, &ib)) {
    PROFILE(fb_kind1(v1));
    setivalue(RA, arith_shiftl(ib, -(lua_Integer)sC));
    JUMP(1);
  }
  PROFILE(fb_kind1(v1));
  NEXT();
}

OP_BODY(SHLI) {
  const TValue *v1 = RB;
  lua_Integer ib;
  ARITH_TYPED(ARITH_FAST_INT, VT_INT, v1, v1, 1, setivalue,
              arith_shiftl((lua_Integer)sC, OPND_I(v1, 1)))
  if (CR_LIKELY(ttisinteger(v1))) {
    PROFILE(TP_INT);
    setivalue(RA, arith_shiftl((lua_Integer)sC, ivalue(v1)));
    JUMP(1);
  }
  SLOW_PATH();
  if (arith_tointegerns_fast(v1, &ib)) {
    PROFILE(fb_kind1(v1));
    setivalue(RA, arith_shiftl((lua_Integer)sC, ib));
    JUMP(1);
  }
  PROFILE(fb_kind1(v1));
  NEXT();
}

OP_BODY(ADD) BODY_ARITH_T(RB, RC, 0, ARITH_INT_ADD, ARITH_FLT_ADD)
OP_BODY(SUB) BODY_ARITH_T(RB, RC, 0, ARITH_INT_SUB, ARITH_FLT_SUB)
OP_BODY(MUL) BODY_ARITH_T(RB, RC, 0, ARITH_INT_MUL, ARITH_FLT_MUL)

OP_BODY(MOD) BODY_INTDIV(RB, RC, interp_imod_plain, interp_imod, arith_modf)

OP_BODY(POW) BODY_ARITHF_T(RB, RC, 0, ARITH_FLT_POW)
OP_BODY(DIV) BODY_ARITHF_T(RB, RC, 0, ARITH_FLT_DIV)

OP_BODY(IDIV)
  BODY_INTDIV(RB, RC, interp_idiv_plain, interp_idiv, ARITH_FLT_IDIV)

OP_BODY(BAND) BODY_BITWISE_T(RB, RC, 0, ARITH_BAND)
OP_BODY(BOR)  BODY_BITWISE_T(RB, RC, 0, ARITH_BOR)
OP_BODY(BXOR) BODY_BITWISE_T(RB, RC, 0, ARITH_BXOR)
OP_BODY(SHL)  BODY_BITWISE_T(RB, RC, 0, arith_shiftl)
OP_BODY(SHR)  BODY_BITWISE_T(RB, RC, 0, arith_shiftr)

/* The metamethod fallbacks of the arithmetic ops; the result goes to the
 * A register of the op just before (PREV_INSN). C is the event. */
OP_BODY(MMBIN) {
  StkId res = REG(GETARG_A(PREV_INSN));
  PROTECT(tm_trybin(L, RA, RB, res, C));
  NEXT();
}

OP_BODY(MMBINI) {
  StkId res = REG(GETARG_A(PREV_INSN));
  PROTECT(tm_trybini(L, RA, sB, kBIT, res, C));
  NEXT();
}

OP_BODY(MMBINK) {
  StkId res = REG(GETARG_A(PREV_INSN));
  PROTECT(tm_trybinassoc(L, RA, KB, kBIT, res, C));
  NEXT();
}

OP_BODY(UNM) {
  TValue *rb = RB;
  if (CR_LIKELY(ttisinteger(rb))) {
    PROFILE(TP_INT);
    setivalue(RA, arith_intop(-, 0, ivalue(rb)));
    NEXT();
  }
  if (ttisfloat(rb)) {
    PROFILE(TP_FLOAT);
    setfltvalue(RA, -fltvalue(rb));
    NEXT();
  }
  SLOW_PATH();
  if (ttisinteger(rb)) {
    PROFILE(TP_INT);
    setivalue(RA, arith_intop(-, 0, ivalue(rb)));
  } else if (ttisfloat(rb)) {
    PROFILE(TP_FLOAT);
    setfltvalue(RA, -fltvalue(rb));
  } else {
    PROFILE(fb_kind1(rb) | TP_SLOW);
    PROTECT(tm_trybin(L, rb, rb, RA, TM_UNM));
  }
  NEXT();
}

OP_BODY(BNOT) {
  TValue *rb = RB;
  lua_Integer ib;
  if (CR_LIKELY(ttisinteger(rb))) {
    PROFILE(TP_INT);
    setivalue(RA, arith_intop(^, ~l_castS2U(0), ivalue(rb)));
    NEXT();
  }
  SLOW_PATH();
  if (arith_tointegerns_fast(rb, &ib)) {
    PROFILE(fb_kind1(rb));
    setivalue(RA, arith_intop(^, ~l_castS2U(0), ib));
  } else {
    PROFILE(fb_kind1(rb) | TP_SLOW);
    PROTECT(tm_trybin(L, rb, rb, RA, TM_BNOT));
  }
  NEXT();
}

OP_BODY(NOT) {
  if (l_isfalse(RB))
    setbtvalue(RA);
  else
    setbfvalue(RA);
  NEXT();
}

OP_BODY(LEN) {
  TValue *rb = RB;
  if (ttisshrstring(rb) || ttislngstring(rb)) {
    PROFILE(TP_STRING);
    setivalue(RA, (lua_Integer)vslen(rb));
  } else {
    PROFILE(fb_kind1(rb));
    PROTECT(vm_objlen(L, RA, rb));
  }
  NEXT();
}

OP_BODY(CONCAT) {
  int n = B;
  L->top = RA + n;  /* the operands end here */
  PROTECT_NT(vm_concat(L, n));
  CHECK_GC(L->top);  /* vm_concat left the top just above the result */
  NEXT();
}

/* ------------------------------------------------------------------ */
/* Scopes and jumps                                                    */
/* ------------------------------------------------------------------ */

OP_BODY(CLOSE) {
  PROTECT(func_close(L, RA, LUA_OK, 1));
  NEXT();
}

OP_BODY(TBC) {
  PROTECT(func_newtbcupval(L, RA));
  NEXT();
}

OP_BODY(JMP) {
  int32_t off = sJ;
  if (off < 0) BACKEDGE();
  JUMP(off);
}

/* ------------------------------------------------------------------ */
/* Comparisons and tests                                               */
/* ------------------------------------------------------------------ */

OP_BODY(EQ) {
  const TValue *ra = RA, *rb = RB;
  int cond;
  if (ttisinteger(ra) && ttisinteger(rb)) {
    PROFILE(TP_INT);
    CONDJUMP(ivalue(ra) == ivalue(rb));
  }
  if (ttistable(ra) && ttistable(rb) &&
      (hvalue(ra) == hvalue(rb) ||
       (TM_KNOWN_ABSENT(hvalue(ra)->metatable, TM_EQ) &&
        TM_KNOWN_ABSENT(hvalue(rb)->metatable, TM_EQ)))) {
    PROFILE(TP_TABLE);
    CONDJUMP(hvalue(ra) == hvalue(rb));
  }
  SLOW_PATH();
  if (ttisinteger(ra) && ttisinteger(rb)) {
    PROFILE(TP_INT);
    cond = ivalue(ra) == ivalue(rb);
  } else if (ttistable(ra) && ttistable(rb) &&
             (hvalue(ra) == hvalue(rb) ||
              (tm_fast(L, hvalue(ra)->metatable, TM_EQ) == NULL &&
               tm_fast(L, hvalue(rb)->metatable, TM_EQ) == NULL))) {
    /* vm_equalobj's answer without a __eq to call */
    PROFILE(TP_TABLE);
    cond = hvalue(ra) == hvalue(rb);
  } else {
    PROFILE(fb_kind2(ra, rb));
    PROTECT(cond = vm_equalobj(L, ra, rb));
  }
  CONDJUMP(cond);
}

OP_BODY(LT) BODY_ORDER(<, ORDER_LT_NUM, vm_lessthan)
OP_BODY(LE) BODY_ORDER(<=, ORDER_LE_NUM, vm_lessequal)

_Static_assert(VT_NIL == 0 && VT_FALSE == 1 && VT_TRUE == 2,
               "EQK: tags up to VT_TRUE are values by themselves");
OP_BODY(EQK) {
  const TValue *ra = RA, *kb = KB;
  int cond;
  if (rawtt(ra) == rawtt(kb)) {
    if (ttisinteger(ra) || ttisshrstring(ra))
      CONDJUMP(val_(ra).i == val_(kb).i);
    if (rawtt(ra) <= VT_TRUE)
      CONDJUMP(1);
  } else if (!ttisnumber(ra) || !ttisnumber(kb))
    CONDJUMP(0);
  SLOW_PATH();
  if (rawtt(ra) == rawtt(kb)) {
    if (ttisinteger(ra) || ttisshrstring(ra))
      cond = val_(ra).i == val_(kb).i;  /* same integer or string object */
    else if (rawtt(ra) <= VT_TRUE)
      cond = 1;                         /* nil, false, true: the tag says */
    else
      cond = vm_rawequalobj(ra, kb);
  } else if (ttisnumber(ra) && ttisnumber(kb))
    cond = vm_rawequalobj(ra, kb);      /* an integer and a float */
  else
    cond = 0;                           /* other types never equal */
  CONDJUMP(cond);
}

OP_BODY(EQI) {
  const TValue *ra = RA;
  int im = sB;
  int cond;
  if (CR_LIKELY(ttisinteger(ra)))
    CONDJUMP(CMP_SB(ivalue(ra), ==, e));
  if (ttisfloat(ra))
    cond = fltvalue(ra) == cast_num(im);
  else
    cond = 0;
  CONDJUMP(cond);
}

OP_BODY(LTI) BODY_ORDERI(<, l, 0, TM_LT)
OP_BODY(LEI) BODY_ORDERI(<=, le, 0, TM_LE)
OP_BODY(GTI) BODY_ORDERI(>, g, 1, TM_LT)
OP_BODY(GEI) BODY_ORDERI(>=, ge, 1, TM_LE)

OP_BODY(TEST) {
  CONDJUMP(!l_isfalse(RA));
}

OP_BODY(TESTSET) {
  TValue *rb = RB;
  if (l_isfalse(rb) == kBIT)
    JUMP(1);
  setobj(L, RA, rb);
  DONEXTJUMP();
}

/* ------------------------------------------------------------------ */
/* Calls and returns                                                   */
/* ------------------------------------------------------------------ */

OP_BODY(CALL) {
  StkId ra = RA;
  int b = B;
  if (b != 0)
    L->top = CALL_ARGS_END(ra, b);  /* else the previous op set the top */
  PROFILE_CALL(ra);
  SAVEPC();
  CALL_ENTER(ra, C - 1);
}

OP_BODY(TAILCALL) {
  StkId ra = RA;
  int b = B;
  if (CR_UNLIKELY(kBIT))  /* upvalues to close: a call */
    SLOW_PATH();
  int nparams1 = C;
  /* the distance from the virtual to the real func of a vararg frame */
  int delta = nparams1 ? FRAME->u.l.nextraargs + nparams1 : 0;
  if (b != 0)
    L->top = ra + b;
  else
    b = (int)(L->top - ra);
  SAVEPC();
  if (kBIT) {  /* close upvalues before the frame is reused */
    func_closeupval(L, REG(0));
    cr_assert(L->tbclist < REG(0), "no pending tbc variables");
  }
  PROFILE_CALL(ra);
  TAILCALL_ENTER(ra, b, delta);
}

#ifndef LEAVE_FRAME_FROM
#define LEAVE_FRAME_FROM(prev, st) do { (void)(st); LEAVE_FRAME(); } while (0)
#endif

/* Without to-be-closed variables or a hook, the results move here (as
 * do_poscall moves a Lua frame's, first back to the real func of a vararg
 * frame) and the frame is left; the rest goes through do_poscall. Open
 * upvalues (k) are closed first: that calls nothing and cannot fail. */
OP_BODY(RETURN) {
  StkId ra = RA;
  int n = B - 1;
  int nparams1 = C;
  if (n < 0)
    n = (int)(L->top - ra);
  if (CR_LIKELY(!L->hookmask) && (!kBIT || L->tbclist < REG(0))) {
    CallInfo *fr;
    if (kBIT)
      func_closeupval(L, REG(0));
    fr = FRAME;
    int wanted = fr->nresults;
    unsigned short st = fr->callstatus;
    CallInfo *prev = fr->previous;
    StkId res = fr->func;
    int j;
    if (nparams1)  /* vararg: back to the real func */
      res -= fr->u.l.nextraargs + nparams1;
    if (wanted < 0)  /* LUA_MULTRET */
      wanted = n;
    int ncopy = n < wanted ? n : wanted;
#pragma clang loop unroll(disable)   /* mostly a few values */
    for (j = 0; j < ncopy; j++)
      setobj(L, res + j, ra + j);
#pragma clang loop unroll(disable)
    for (; j < wanted; j++)
      setnilvalue(res + j);
    fr->func = res;
    L->top = res + wanted;
    L->ci = prev;
    LEAVE_FRAME_FROM(prev, st);
  }
  SLOW_PATH();
  SAVEPC();
  if (kBIT) {  /* there may be open upvalues or tbc variables */
    FRAME->u2.nres = n;
    if (L->top < FRAME->top)
      L->top = FRAME->top;
    func_close(L, REG(0), FUNC_CLOSEKTOP, 1);
    UPDATE_BASE();
    ra = RA;
  }
  if (nparams1)  /* vararg: back to the real func */
    FRAME->func -= FRAME->u.l.nextraargs + nparams1;
  L->top = ra + n;
  do_poscall(L, FRAME, n);
  LEAVE_FRAME();
}

/* RETURN0/RETURN1: functions without varargs or variables to close. With
 * hooks on, do_poscall runs the return hook (hookmask may have been
 * cleared again meanwhile: do_poscall handles both). */
OP_BODY(RETURN0) {
  if (CR_LIKELY(!L->hookmask)) {
    CallInfo *fr = FRAME;
    int nres = fr->nresults;
    unsigned short st = fr->callstatus;
    CallInfo *prev = fr->previous;
    L->ci = prev;
    L->top = REG(-1);
    for (; CR_UNLIKELY(nres > 0); nres--)
      setnilvalue(L->top++);
    LEAVE_FRAME_FROM(prev, st);
  }
  SLOW_PATH();
  L->top = RA;
  SAVEPC();
  do_poscall(L, FRAME, 0);
  LEAVE_FRAME();
}

OP_BODY(RETURN1) {
  if (CR_LIKELY(!L->hookmask)) {
    CallInfo *fr = FRAME;
    int nres = fr->nresults;
    unsigned short st = fr->callstatus;
    CallInfo *prev = fr->previous;
    L->ci = prev;
    if (CR_LIKELY(nres == 1)) {  /* the usual case first: one test */
      StkId res = REG(-1);
      setobj(L, res, RA);
      L->top = res + 1;
      LEAVE_FRAME_FROM(prev, st);
    }
    if (nres == 0)
      L->top = REG(-1);
    else {
      StkId res = REG(-1);
      setobj(L, res, RA);
      L->top = res + 1;
      for (; CR_UNLIKELY(nres > 1); nres--)
        setnilvalue(L->top++);
    }
    LEAVE_FRAME();
  }
  SLOW_PATH();
  L->top = RA + 1;
  SAVEPC();
  do_poscall(L, FRAME, 1);
  LEAVE_FRAME();
}

/* ------------------------------------------------------------------ */
/* Loops                                                               */
/* ------------------------------------------------------------------ */

/* Numeric for: R[A] internal index, R[A+1] iteration count (integer loop,
 * computed by FORPREP) or limit (float loop), R[A+2] step, R[A+3] the
 * control variable. The hidden state is read raw and written with its tag:
 * debug.setlocal or a binary chunk can put any value there
 * (src/front/CODEGEN_NOTES.md), which may make the loop wrong but must not
 * leave a number inside a value tagged as an object. */
OP_BODY(FORLOOP) {
  StkId ra = RA;
  if (CR_LIKELY(ttisinteger(ra + 2))) {
    lua_Unsigned count = l_castS2U(val_(ra + 1).i);
    if (CR_LIKELY(count > 0)) {
      lua_Integer step = ivalue(ra + 2);
      lua_Integer idx = arith_intop(+, val_(ra).i, step);
      setivalue(ra + 1, l_castU2S(count - 1));
      setivalue(ra, idx);
      setivalue(ra + 3, idx);
      PRODUCE(idx);  /* the control variable, to the loop's first op */
      BACKEDGE();
      JUMP(-(int64_t)Bx);
    }
    NEXT();
  }
  SLOW_PATH();  /* a float loop: the integer one never gets here */
  if (interp_floatforloop(ra)) {
    BACKEDGE();
    JUMP(-(int64_t)Bx);
  }
  NEXT();
}

/* The integer loop with integer limit is prepared inline (interp_forprep
 * does the same, plus floats, conversions and the errors). */
OP_BODY(FORPREP) {
  StkId ra = RA;
  if (CR_LIKELY(ttisinteger(ra) && ttisinteger(ra + 1) &&
                ttisinteger(ra + 2))) {
    lua_Integer init = ivalue(ra), limit = ivalue(ra + 1);
    lua_Integer step = ivalue(ra + 2);
    lua_Unsigned count;
    if (CR_LIKELY(step > 0)) {
      setivalue(ra + 3, init);  /* control variable */
      if (init > limit)
        JUMP((int64_t)Bx + 1);  /* the loop does not run */
      count = l_castS2U(limit) - l_castS2U(init);
      if (step != 1)
        count /= l_castS2U(step);
      setivalue(ra + 1, l_castU2S(count));
      PRODUCE(init);
      NEXT();
    }
    if (step < 0) {
      setivalue(ra + 3, init);
      if (init < limit)
        JUMP((int64_t)Bx + 1);
      /* step + 1 avoids negating the minimum integer */
      count = l_castS2U(init) - l_castS2U(limit);
      if (step != -1)
        count /= l_castS2U(-(step + 1)) + 1u;
      setivalue(ra + 1, l_castU2S(count));
      PRODUCE(init);
      NEXT();
    }
  }
  SLOW_PATH();  /* floats, conversions, a zero step (an error) */
  SAVESTATE();  /* errors about the control values */
  if (interp_forprep(L, RA))
    JUMP((int64_t)Bx + 1);  /* the loop does not run */
  NEXT();
}

/* Generic for: R[A] iterator, R[A+1] state, R[A+2] control, R[A+3] the
 * closing value; the call's results start at R[A+4]. */
OP_BODY(TFORPREP) {
  PROTECT(func_newtbcupval(L, RA + 3));
  JUMP((int64_t)Bx);
}

/* The iterator is called from C (do_call), as lua5.4 does: iterators
 * count as C levels ("C stack overflow" for runaway recursion through
 * them) and a yield inside one is completed by vm_finishOp. */
OP_BODY(TFORCALL) {
  StkId ra = RA;
  setobj(L, ra + 4, ra);
  setobj(L, ra + 5, ra + 1);
  setobj(L, ra + 6, ra + 2);
  L->top = ra + 4 + 3;
  PROFILE_CALL(ra + 4);
  PROTECT_NT(do_call(L, ra + 4, C));
  NEXT();
}

OP_BODY(TFORLOOP) {
  StkId ra = RA;
  if (!ttisnil(ra + 4)) {
    setobj(L, ra + 2, ra + 4);
    BACKEDGE();
    JUMP(-(int64_t)Bx);
  }
  NEXT();
}

/* ------------------------------------------------------------------ */
/* Constructors, closures, varargs                                     */
/* ------------------------------------------------------------------ */

OP_BODY(SETLIST) {
  StkId ra = RA;
  int n = B;
  Table *t;
  uint32_t last = Bx;
  if (n == 0)
    n = (int)(L->top - ra) - 1;  /* up to the top */
  else
    L->top = FRAME->top;  /* every register is live (emergency collection) */
  last += (uint32_t)n;
  SAVEPC();
  /* the verifier cannot prove R[A] still holds the constructor's table
   * (src/front/CODEGEN_NOTES.md): a binary chunk may overwrite it */
  if (CR_UNLIKELY(!ttistable(ra)))
    debug_typeerror(L, ra, "index");
  t = hvalue(ra);
  if (last > t->asize)
    tab_resizearray(L, t, last);
  for (; n > 0; n--) {
    TValue *val = ra + n;
    setobj(L, &t->array[last - 1], val);
    last--;
    gc_barrierback(L, t, val);
  }
  NEXT();
}

OP_BODY(CLOSURE) {
  PROTECT(interp_pushclosure(L, PROTO->p[Bx], UPVALS, REG(0), RA));
  CHECK_GC(RA + 1);
  NEXT();
}

/* The extra arguments sit below the frame (tm_adjustvarargs): copied
 * here when the stack has room for all of them (a `...` up to the top
 * moves the top); tm_getvarargs grows the stack. */
OP_BODY(VARARG) {
  {
    CallInfo *fr = FRAME;
    int nextra = fr->u.l.nextraargs;
    if (CR_LIKELY(L->stack_last - fr->top > nextra)) {
      int wanted = C - 1;
      StkId ra = RA;
      tm_copyvarargs(fr, ra, nextra, wanted < 0 ? nextra : wanted);
      if (wanted < 0)
        L->top = ra + nextra;   /* the next op consumes up to top */
      NEXT();
    }
  }
  SLOW_PATH();
  PROTECT(tm_getvarargs(L, FRAME, RA, C - 1));
  NEXT();
}

/* The function and its fixed parameters move above the actual arguments
 * (tm_adjustvarargs, whose common case is done here when the stack has
 * room and no hook is set). */
OP_BODY(VARARGPREP) {
  {
    if (CR_LIKELY(L->stack_last - L->top > PROTO->maxstacksize + 1) &&
        CR_LIKELY(!L->hookmask)) {
      tm_movevarframe(L, A, FRAME);
      UPDATE_BASE();
      NEXT();
    }
  }
  SLOW_PATH();
  /* L->top still marks the end of the actual arguments */
  PROTECT_NT(tm_adjustvarargs(L, A, FRAME, PROTO));
  if (CR_UNLIKELY(L->hookmask))  /* the call hook runs after the move */
    PROTECT_NT(interp_varargshook(L, FRAME));
  NEXT();
}
