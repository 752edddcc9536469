-- A failing -l stops everything: message, traceback, exit status 1.
print("not reached")
