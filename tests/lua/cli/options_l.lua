-- -l mod and -l g=mod require modules into globals before the script.
print(type(mymod), mymod and mymod.kind, alias and alias.kind, type(simple))
print(package.loaded.simple == alias)
