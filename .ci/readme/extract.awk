# Splits a Markdown file into its fenced code blocks. For block N it writes DIR/N.txt (the lines between the fences) and
# prints "N<TAB>line of the block's first line<TAB>language (text if none)<TAB>marker", where marker is the text of a
# "<!-- readme-check: ... -->" comment on the last non-blank line before the opening fence (empty when there is none).
# Usage: awk -v dir=DIR -f extract.awk README.md
BEGIN { n = 0; inside = 0; marker = "" }
inside && /^```[ \t]*$/ { inside = 0; close(file); printf "%03d\t%d\t%s\t%s\n", n, start, (lang == "" ? "text" : lang), blockmarker; next }
inside { print > file; next }
/^```/ {
  n++; inside = 1; lang = substr($0, 4); sub(/[ \t]+$/, "", lang)
  file = sprintf("%s/%03d.txt", dir, n); printf "" > file
  start = NR + 1; blockmarker = marker; marker = ""; next
}
/^<!-- readme-check:.*-->[ \t]*$/ {
  marker = $0; sub(/^<!-- readme-check:[ \t]*/, "", marker); sub(/[ \t]*-->[ \t]*$/, "", marker); next
}
/^[ \t]*$/ { next }
{ marker = "" }
END { if (inside) { print "README: the code block starting at line " start " is never closed" > "/dev/stderr"; exit 1 } }
