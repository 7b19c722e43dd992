#!/bin/bash
# p7: gen.py -> build/*.html -> LibreOffice (HTML (StarWriter)) or Chromium per build/producers.txt -> corpus/*.pdf
exec "$(dirname "$0")/../lib/render-producers.sh" "$(dirname "$0")"
