/*
 * lineinfo.c — reading a prototype's compressed line table (lineinfo.h).
 */
#include "front/lineinfo.h"

/* Finds the closest absolute line at or before pc; *basepc is its pc (or
 * -1 when the walk starts from linedefined). */
static int lineinfo_base(const Proto *f, int pc, int *basepc) {
  if (f->sizeabslineinfo == 0 || pc < f->abslineinfo[0].pc) {
    *basepc = -1;
    return f->linedefined;
  }
  else {
    int i = pc / LINEINFO_MAXWITHOUTABS - 1;  /* never past the answer */
    if (i < 0)
      i = 0;
    while (i + 1 < f->sizeabslineinfo && pc >= f->abslineinfo[i + 1].pc)
      i++;
    *basepc = f->abslineinfo[i].pc;
    return f->abslineinfo[i].line;
  }
}

int lineinfo_getline(const Proto *f, int pc) {
  int basepc, line;
  if (f->lineinfo == NULL || pc < 0 || pc >= f->sizelineinfo)
    return -1;
  line = lineinfo_base(f, pc, &basepc);
  while (basepc++ < pc)
    line += f->lineinfo[basepc];
  return line;
}
