#!/bin/bash
# p16: gen.py -> build/*.html -> LibreOffice (HTML (StarWriter)) -> corpus/*.pdf
exec "$(dirname "$0")/../lib/render-producers.sh" "$(dirname "$0")"
