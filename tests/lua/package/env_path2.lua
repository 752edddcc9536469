-- Unversioned variables and ";;" at either end (see env_path2.env).
print(package.path)
print(package.cpath)
