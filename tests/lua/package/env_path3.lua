-- Paths without ";;" are taken as they are (see env_path3.env).
print(package.path)
print(package.cpath)
print(pcall(require, "nothing"))
