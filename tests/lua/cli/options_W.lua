-- -W turns warnings on (they go to stderr).
warn("visible warning")
warn("@off")
warn("invisible")
