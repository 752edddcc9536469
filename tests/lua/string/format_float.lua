-- string.format float conversions: %e %E %f %g %G %a %A
local values = {0.0, -0.0, 1.0, -1.5, 3.14159265358979, 1e100, -1e-100, 2^53, 1/3, 123456789.125,
                1/0, -1/0, 5, -7, "2.5", 1e308, 4.9e-324}
local specs = {"%e", "%E", "%.3e", "%12.4e", "%-12.2e|", "%+e", "% e", "%#.0e", "%012.3e",
               "%f", "%.0f", "%.2f", "%10.3f", "%-10.1f|", "%+.1f", "%#.0f", "%010.2f", "% f",
               "%g", "%G", "%.3g", "%10g", "%-10g|", "%#g", "%+g", "%.0g", "%.14g", "%.17g", "%.99g",
               "%a", "%A", "%.3a", "%20a", "%-20a|", "%+a", "%#a", "%020a"}
for _, spec in ipairs(specs) do
  local row = {}
  for _, v in ipairs(values) do
    row[#row + 1] = string.format(spec, v)
  end
  print(spec, table.concat(row, " "))
end
-- nan prints with the sign the platform gives it
local nan = 0/0
print(string.format("%f %e %g %a", nan, nan, nan, nan))
print(string.format("%f %g", -nan, -nan))
print(string.format("%5.1f|%-8.3f|%08.3f", nan, nan, 1/0))
-- wide and precise
print(string.format("%99.99f", 1.5):len(), string.format("%99.99f", -1e308):len())
print(string.format("%.99f", 0.1))
print(string.format("%99.2e", 1e300))
print(string.format("%.50g", 0.1))
print(pcall(string.format, "%f", "x"))
print(pcall(string.format, "%e"))
print(pcall(string.format, "%a", {}))
print(pcall(string.format, "%g", nil))
