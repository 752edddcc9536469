/*
 * stencil_gen.c — build-time tool: reads the ELF object compiled from
 * src/host/stencil_ops.c and writes the baseline JIT's stencil tables.
 *
 *   stencil_gen stencil_ops.o out/stencils.c
 *
 * For every function `stencil_NAME` (one per op, each in its own section
 * thanks to -ffunction-sections) it emits the machine code bytes and the
 * list of holes: every relocation of the section, classified by the
 * symbol it names (jit/jit_stencil.h): an operand hole (jit_hole_*), a
 * continuation (jit_cont_next, jit_cont_jump), an external symbol (a
 * runtime function: its address is taken in the generated C, so the
 * linker resolves it) or read-only data of the object itself (constants
 * the compiler put in .rodata*, copied into one blob, stencil_rodata).
 *
 * The ELF64 reading is done here by hand (section headers, the symbol
 * table, .rela sections): the format is simple and the build then needs
 * no libelf. Anything the JIT could not patch correctly stops the build
 * with a message: an unknown relocation type, a continuation reached by a
 * call instead of a jump, relocations inside the read-only data.
 *
 * Never installed, never linked into the engine.
 */
#include <elf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_stencil.h"

static const char *gen_input;
static unsigned char *gen_file;
static size_t gen_size;

__attribute__((noreturn, format(printf, 1, 2)))
static void gen_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "stencil_gen: %s: ", gen_input);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *gen_at(uint64_t off, uint64_t size) {
  if (off > gen_size || size > gen_size - off) gen_fail("truncated ELF file");
  return gen_file + off;
}

static const Elf64_Shdr *shdrs;
static unsigned nsections;
static const char *shstr;
static const Elf64_Sym *syms;
static unsigned nsyms;
static const char *symstr;

static const char *gen_secname(unsigned i) { return shstr + shdrs[i].sh_name; }

/* Read-only data sections: their offset in the blob (or -1). */
static long *rodata_off;
static unsigned char *rodata;
static size_t rodata_size;

/* External symbols, in order of first use. */
static char **ext_names;
static unsigned next_names;

static unsigned gen_extern(const char *name) {
  for (unsigned i = 0; i < next_names; i++)
    if (strcmp(ext_names[i], name) == 0) return i;
  ext_names = realloc(ext_names, (next_names + 1) * sizeof *ext_names);
  ext_names[next_names] = strdup(name);
  return next_names++;
}

static int gen_holekind(const char *name) {
  static const char *const names[] = {
#define X(h, doc) "jit_hole_" #h,
    STENCIL_HOLES(X)
#undef X
  };
  for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(names[i], name) == 0) return (int)i;
  if (strcmp(name, "jit_cont_next") == 0) return SH_CONT_NEXT;
  if (strcmp(name, "jit_cont_jump") == 0) return SH_CONT_JUMP;
  if (strcmp(name, "jit_cont_jmpnext") == 0) return SH_CONT_JMPNEXT;
  if (strcmp(name, "jit_cont_slow") == 0) return SH_CONT_SLOW;
  if (strcmp(name, "jit_cont_nextv") == 0) return SH_CONT_NEXTV;
  return -1;
}

static void gen_load(void) {
  FILE *f = fopen(gen_input, "rb");
  if (f == NULL) gen_fail("cannot open");
  fseek(f, 0, SEEK_END);
  gen_size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  gen_file = malloc(gen_size);
  if (fread(gen_file, 1, gen_size, f) != gen_size) gen_fail("cannot read");
  fclose(f);
  const Elf64_Ehdr *eh = gen_at(0, sizeof *eh);
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
      eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64 ||
      eh->e_type != ET_REL)
    gen_fail("not an x86-64 ELF64 relocatable object");
  nsections = eh->e_shnum;
  shdrs = gen_at(eh->e_shoff, (uint64_t)nsections * sizeof *shdrs);
  shstr = gen_at(shdrs[eh->e_shstrndx].sh_offset, shdrs[eh->e_shstrndx].sh_size);
  for (unsigned i = 0; i < nsections; i++)
    if (shdrs[i].sh_type == SHT_SYMTAB) {
      syms = gen_at(shdrs[i].sh_offset, shdrs[i].sh_size);
      nsyms = (unsigned)(shdrs[i].sh_size / sizeof *syms);
      symstr = gen_at(shdrs[shdrs[i].sh_link].sh_offset,
                      shdrs[shdrs[i].sh_link].sh_size);
    }
  if (syms == NULL) gen_fail("no symbol table");
  /* The read-only data blob: every allocated, non-executable section. */
  rodata_off = calloc(nsections, sizeof *rodata_off);
  for (unsigned i = 0; i < nsections; i++) {
    const Elf64_Shdr *s = &shdrs[i];
    rodata_off[i] = -1;
    if (!(s->sh_flags & SHF_ALLOC) || (s->sh_flags & SHF_EXECINSTR) ||
        s->sh_size == 0)
      continue;
    if (s->sh_flags & SHF_WRITE)
      gen_fail("writable data section %s in a stencil", gen_secname(i));
    size_t align = s->sh_addralign ? s->sh_addralign : 1;
    if (align > 64) gen_fail("section %s aligned to %zu", gen_secname(i), align);
    rodata_size = (rodata_size + align - 1) & ~(align - 1);
    rodata = realloc(rodata, rodata_size + s->sh_size);
    if (s->sh_type == SHT_NOBITS)
      memset(rodata + rodata_size, 0, s->sh_size);
    else
      memcpy(rodata + rodata_size, gen_at(s->sh_offset, s->sh_size), s->sh_size);
    rodata_off[i] = (long)rodata_size;
    rodata_size += s->sh_size;
  }
  for (unsigned i = 0; i < nsections; i++)
    if ((shdrs[i].sh_type == SHT_RELA || shdrs[i].sh_type == SHT_REL) &&
        shdrs[i].sh_info < nsections && rodata_off[shdrs[i].sh_info] >= 0)
      gen_fail("relocations in read-only data (%s): build stencils with "
               "-fno-jump-tables", gen_secname(i));
}

static void gen_bytes(FILE *out, const unsigned char *p, size_t n) {
  for (size_t j = 0; j < n; j++)
    fprintf(out, "%s0x%02x,", j % 16 == 0 ? "\n  " : "", p[j]);
  if (n == 0) fprintf(out, "0");
  fprintf(out, "\n");
}

/* The typed arithmetic stencils (x_OP_ti, x_OP_tf, their _r1/_r2
 * variants) and the load stubs (x_ldi_R, x_ldf_R) leave from the middle
 * of their code by a jcc of their own (stencil_ops.c, TAG_GUARD; clang
 * itself never makes a conditional tail call here), so those with such a
 * jcc must have no stack frame: no call (a frame is needed only around
 * one) and no push or rsp adjustment at the entry. (The sanitizer builds'
 * stencils use plain tests.) */
static int gen_frameless_only(const char *name) {
  return strncmp(name, "x_", 2) == 0 &&
         (strstr(name, "_ti") != NULL || strstr(name, "_tf") != NULL ||
          strstr(name, "_tm") != NULL ||
          strncmp(name, "x_ldi_", 6) == 0 || strncmp(name, "x_ldf_", 6) == 0);
}

static int gen_has_prologue(const unsigned char *code, uint32_t size) {
  if (size >= 1 && code[0] >= 0x50 && code[0] <= 0x57) return 1;  /* push */
  if (size >= 2 && code[0] == 0x41 && code[1] >= 0x50 && code[1] <= 0x57)
    return 1;  /* push r8-r15 */
  return size >= 3 && code[0] == 0x48 && (code[1] == 0x83 || code[1] == 0x81) &&
         code[2] == 0xec;  /* sub $n, %rsp */
}

/* Emit one stencil from text section sec; name is the op's name. */
static void gen_stencil(FILE *out, unsigned sec, const char *name) {
  const Elf64_Shdr *s = &shdrs[sec];
  const unsigned char *code = gen_at(s->sh_offset, s->sh_size);
  uint32_t size = (uint32_t)s->sh_size;
  int frameless = gen_frameless_only(name);
  int jcc_slow = 0;          /* a jcc to the slow continuation */
  const char *called = NULL;  /* an external function it calls */
  uint32_t tail_next = size;
  int tail_cont = STENCIL_TAIL_NONE;
  fprintf(out, "static const uint8_t code_%s[] = {", name);
  gen_bytes(out, code, size);
  fprintf(out, "};\nstatic const StencilHole holes_%s[] = {\n", name);
  unsigned nholes = 0;
  for (unsigned r = 0; r < nsections; r++) {
    const Elf64_Shdr *rs = &shdrs[r];
    if (rs->sh_info != sec) continue;
    if (rs->sh_type == SHT_REL) gen_fail("REL section (want RELA)");
    if (rs->sh_type != SHT_RELA) continue;
    const Elf64_Rela *rel = gen_at(rs->sh_offset, rs->sh_size);
    size_t n = rs->sh_size / sizeof *rel;
    for (size_t j = 0; j < n; j++) {
      unsigned type = ELF64_R_TYPE(rel[j].r_info);
      unsigned si = ELF64_R_SYM(rel[j].r_info);
      const Elf64_Sym *sym = &syms[si];
      const char *sname = symstr + sym->st_name;
      uint32_t off = (uint32_t)rel[j].r_offset;
      int64_t addend = rel[j].r_addend;
      int kind;
      unsigned symix = 0;
      if (type != STENCIL_R_64 && type != STENCIL_R_PC32 &&
          type != STENCIL_R_PLT32 && type != STENCIL_R_32 &&
          type != STENCIL_R_32S)
        gen_fail("stencil %s: relocation type %u against %s", name, type, sname);
      if (sym->st_shndx == SHN_UNDEF) {
        kind = gen_holekind(sname);
        if (kind < 0) {
          kind = SH_EXTERN;
          symix = gen_extern(sname);
          called = sname;
          if (type == STENCIL_R_32 || type == STENCIL_R_32S)
            gen_fail("stencil %s: absolute 32-bit address of %s (the engine "
                     "image is above 4 GiB): take it with STENCIL_ADDR in "
                     "stencil_ops.c", name, sname);
        }
      } else if (sym->st_shndx < nsections && rodata_off[sym->st_shndx] >= 0) {
        kind = SH_RODATA;
        addend += rodata_off[sym->st_shndx] + (int64_t)sym->st_value;
      } else
        gen_fail("stencil %s: reference to %s (section %s) not supported",
                 name, sname[0] ? sname : "(section)",
                 sym->st_shndx < nsections ? gen_secname(sym->st_shndx) : "?");
      if (kind == SH_CONT_NEXT || kind == SH_CONT_JUMP ||
          kind == SH_CONT_JMPNEXT || kind == SH_CONT_SLOW ||
          kind == SH_CONT_NEXTV) {
        /* must be the operand of a jmp rel32 (e9) or jcc rel32 (0f 8x),
         * or of a rip-relative lea (8d, modrm 00 reg 101: NEXT_ADDR) */
        int isjmp = off >= 1 && code[off - 1] == 0xe9;
        int isjcc = off >= 2 && code[off - 2] == 0x0f &&
                    (code[off - 1] & 0xf0) == 0x80;
        int islea = off >= 2 && code[off - 2] == 0x8d &&
                    (code[off - 1] & 0xc7) == 0x05;
        if (!(isjmp || isjcc || islea) || type == STENCIL_R_64 || addend != -4)
          gen_fail("stencil %s: continuation %s not reached by a jump "
                   "(a call in tail position was not turned into a jump)",
                   name, sname);
        if (kind == SH_CONT_SLOW && (strncmp(name, "g_", 2) == 0 ||
                                     strncmp(name, "p_", 2) == 0))
          gen_fail("stencil %s: the general and profiling sets have no "
                   "slow continuation (SLOW_PATH() must do nothing there)",
                   name);
        if (isjcc && kind == SH_CONT_SLOW)
          jcc_slow = 1;
        if (isjmp && off + 4 == size && kind != SH_CONT_SLOW) {
          /* ends in "jmp continuation" (the slow one is never next) */
          tail_next = size - 5;
          tail_cont = kind;
        }
      }
      if (addend < INT32_MIN || addend > INT32_MAX)
        gen_fail("stencil %s: addend out of range", name);
      fprintf(out, "  {%u, %d, %u, %u, %lld},\n", off, kind, type, symix,
              (long long)addend);
      nholes++;
    }
  }
  if (nholes == 0) fprintf(out, "  {0, 0, 0, 0, 0},\n");
  fprintf(out, "};\n\n");
  if (frameless && jcc_slow && (called != NULL || gen_has_prologue(code, size)))
    gen_fail("stencil %s: a stack frame%s%s (its TAG_GUARD jumps would "
             "leave it behind)", name, called ? ", calls " : "",
             called ? called : "");
  /* remember the entry for the table */
  fprintf(out, "#define STENCIL_ENTRY_%s {code_%s, %u, %u, %d, holes_%s, %u}\n\n",
          name, name, size, tail_next, tail_cont, name, nholes);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: stencil_gen stencil_ops.o stencils.c\n");
    return 2;
  }
  gen_input = argv[1];
  gen_load();
  FILE *out = fopen(argv[2], "w");
  if (out == NULL) gen_fail("cannot write %s", argv[2]);
  fprintf(out,
          "/* Generated by src/host/stencil_gen.c from %s: do not edit.\n"
          " * The baseline JIT's stencils (see src/host/stencil_ops.c). */\n"
          "#include \"jit/jit_stencil.h\"\n#include \"vm/ops.h\"\n\n",
          argv[1]);
  /* Four families (stencil_ops.c): stencil_OP (the plain set),
   * stencilp_OP (the profiling set), stencilx_NAME (others, by name),
   * stencilg_OP (the general set). */
  static const char *const prefix[4] = {
      ".text.stencil_", ".text.stencilp_", ".text.stencilx_",
      ".text.stencilg_"};
  static const char *const cprefix[4] = {"", "p_", "x_", "g_"};
  char **names[4] = {NULL, NULL, NULL, NULL};
  unsigned nnames[4] = {0, 0, 0, 0};
  for (unsigned i = 0; i < nsections; i++) {
    const char *sn = gen_secname(i);
    if (shdrs[i].sh_type != SHT_PROGBITS || !(shdrs[i].sh_flags & SHF_EXECINSTR))
      continue;
    int fam = -1;
    for (int f = 0; f < 4; f++)
      if (strncmp(sn, prefix[f], strlen(prefix[f])) == 0) fam = f;
    if (fam < 0) {
      if (shdrs[i].sh_size != 0)
        gen_fail("unexpected code section %s (an out-of-line helper?)", sn);
      continue;
    }
    const char *op = sn + strlen(prefix[fam]);
    char cname[256];
    snprintf(cname, sizeof cname, "%s%s", cprefix[fam], op);
    gen_stencil(out, i, cname);
    names[fam] = realloc(names[fam], (nnames[fam] + 1) * sizeof *names[fam]);
    names[fam][nnames[fam]++] = strdup(op);
  }
  if (nnames[0] == 0 || nnames[1] != nnames[0] || nnames[3] != nnames[0])
    gen_fail("no stencils found, or not one profiling and one general "
             "stencil per op");
  static const int tables[3] = {0, 1, 3};
  static const char *const tname[3] = {"stencils", "stencils_prof",
                                       "stencils_general"};
  for (int t = 0; t < 3; t++) {
    int f = tables[t];
    fprintf(out, "const Stencil %s[NUM_OPCODES] = {\n", tname[t]);
    for (unsigned i = 0; i < nnames[f]; i++)
      fprintf(out, "  [OP_%s] = STENCIL_ENTRY_%s%s,\n", names[f][i],
              cprefix[f], names[f][i]);
    fprintf(out, "};\n\n");
  }
  for (unsigned i = 0; i < nnames[2]; i++)
    fprintf(out, "const Stencil stencil_extra_%s = STENCIL_ENTRY_x_%s;\n",
            names[2][i], names[2][i]);
  fprintf(out, "\n");
  for (unsigned i = 0; i < next_names; i++)
    fprintf(out, "extern char stencil_sym_%u[] __asm__(\"%s\");\n", i,
            ext_names[i]);  /* by assembler name: no clash with builtins */
  fprintf(out, "\nvoid *const stencil_symbols[] = {\n");
  for (unsigned i = 0; i < next_names; i++)
    fprintf(out, "  (void *)stencil_sym_%u,\n", i);
  if (next_names == 0) fprintf(out, "  0,\n");
  fprintf(out, "};\nconst char *const stencil_symbol_names[] = {\n");
  for (unsigned i = 0; i < next_names; i++)
    fprintf(out, "  \"%s\",\n", ext_names[i]);
  if (next_names == 0) fprintf(out, "  0,\n");
  fprintf(out, "};\nconst unsigned stencil_nsymbols = %u;\n\n", next_names);
  fprintf(out, "const uint8_t stencil_rodata[] __attribute__((aligned(64))) = {");
  gen_bytes(out, rodata, rodata_size);
  fprintf(out, "};\nconst uint32_t stencil_rodata_size = %zu;\n", rodata_size);
  if (fclose(out) != 0) gen_fail("cannot write %s", argv[2]);
  return 0;
}
