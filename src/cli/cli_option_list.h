/*
 * cli_option_list.h - the table of Crescent's engine options: the
 * command-line switches of the `crescent` program that lua5.4 does not
 * have.  Everything about an option (its struct field, its spelling, the
 * values it takes) is derived from its row here; adding an option is
 * adding a row, and the core sees it through crescent_set_option.
 *
 * Columns: X(field, name, kind, choices, help)
 *   field    member of struct crescent_options
 *   name     spelling after "--" on the command line
 *   kind     CLI_OPTION_FLAG    "--name" alone, no value
 *            CLI_OPTION_CHOICE  "--name=V", V one of 'choices' ('|'-separated)
 *            CLI_OPTION_COUNT   "--name=N", N a decimal integer >= 0
 *   choices  the accepted values of a CHOICE option, NULL otherwise
 *   help     one line for documentation
 */
#ifndef crescent_cli_option_list_h
#define crescent_cli_option_list_h

#define CRESCENT_ENGINE_OPTIONS(X) \
	X(print_bytecode, "print-bytecode", CLI_OPTION_FLAG, NULL, \
	  "print the bytecode of every function as it is compiled") \
	X(trace_ic, "trace-ic", CLI_OPTION_FLAG, NULL, \
	  "report inline cache state changes") \
	X(jit, "jit", CLI_OPTION_CHOICE, "off|baseline", \
	  "highest tier functions may reach (off: interpreter only)") \
	X(jit_threshold, "jit-threshold", CLI_OPTION_COUNT, NULL, \
	  "hotness a function needs before it is compiled (0: at once)") \
	X(jit_warmup, "jit-warmup", CLI_OPTION_COUNT, NULL, \
	  "profiled runs of compiled code before its plain recompile (1-1000)") \
	X(trace_opt, "trace-opt", CLI_OPTION_FLAG, NULL, \
	  "report the JIT's decisions (compiles, OSR entries, aborts)") \
	X(print_code, "print-code", CLI_OPTION_FLAG, NULL, \
	  "print the machine code of compiled functions, op by op") \
	X(perf_map, "perf-map", CLI_OPTION_FLAG, NULL, \
	  "write /tmp/perf-PID.map so perf names compiled code")

#endif
